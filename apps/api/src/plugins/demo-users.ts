// Seeds the demo users at start-up in embedded mode (or when ATLAS_DEMO_USERS=true).
import fp from 'fastify-plugin';
import { demoUsersWanted, ensureDemoUsers } from '../auth/demo-users';

export default fp(
  async (app) => {
    if (!demoUsersWanted(app.config.demoUsers, app.database.mode)) return;
    const created = await ensureDemoUsers(app.db, app.config.demoPassword);
    if (created > 0) app.log.info({ created }, 'demo users created (see the README)');
  },
  { name: 'demo-users', dependencies: ['db'] },
);
