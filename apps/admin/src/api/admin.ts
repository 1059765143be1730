import type { ApiKey, ApiKeyInput, User, UserInput, UserPatch } from '@atlas/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client';

const usersKey = ['admin', 'users'] as const;
const keysKey = ['admin', 'api-keys'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: User[] }>('/users', { signal })).data.items,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UserInput) =>
      (await apiJson<User>('/users', { method: 'POST', json: input })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: UserPatch }) =>
      (await apiJson<User>(`/users/${id}`, { method: 'PATCH', json: patch })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useApiKeys() {
  return useQuery({
    queryKey: keysKey,
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: ApiKey[] }>('/api-keys', { signal })).data.items,
  });
}

/** Create a key: the answer carries the key itself, which is never shown again. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ApiKeyInput) =>
      (await apiJson<ApiKey & { key: string }>('/api-keys', { method: 'POST', json: input })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (await apiJson<ApiKey>(`/api-keys/${id}`, { method: 'DELETE' })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKey }),
  });
}
