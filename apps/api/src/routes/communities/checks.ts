// Community rules that need the database or that the table adds to the schema: the department
// must be a known department of the community's country; the data year starts in 1990.
import type { Database } from '@atlas/db';
import type { CommunityInput, Problem } from '@atlas/domain';
import type { Kysely } from 'kysely';

/** The first year the communities table accepts (its CHECK constraint). */
export const FIRST_COMMUNITY_YEAR = 1990;

export async function communityProblems(
  db: Kysely<Database>,
  input: CommunityInput,
): Promise<Problem[]> {
  const problems: Problem[] =
    input.year < FIRST_COMMUNITY_YEAR
      ? [{ path: '/year', message: `must be ${FIRST_COMMUNITY_YEAR} or later` }]
      : [];
  return [...problems, ...(await departmentProblems(db, input))];
}

async function departmentProblems(db: Kysely<Database>, input: CommunityInput): Promise<Problem[]> {
  if (input.department == null) return [];
  const department = await db
    .selectFrom('departments')
    .select('country')
    .where('code', '=', input.department)
    .executeTakeFirst();
  if (!department) {
    return [{ path: '/department', message: `unknown department ${input.department}` }];
  }
  if (department.country !== input.country) {
    return [
      {
        path: '/department',
        message: `department ${input.department} is in ${department.country}, not ${input.country}`,
      },
    ];
  }
  return [];
}
