import { userRoles, UserInput, UserPatch, type CountryCode, type User } from '@atlas/domain';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useUpdateUser } from '../api/admin';
import { showApiFieldErrors } from '../forms/api-errors';
import { domainResolver } from '../forms/resolver';
import { useLang } from '../i18n/language';
import { codeOptions } from '../registry/shared/codes';
import { CountryScopeInput } from './CountryScopeInput';

interface UserFormValues {
  email: string;
  name: string;
  role: string | null;
  countries: CountryCode[] | null;
  password: string;
  disabled: boolean;
}

/** Create a user, or change one (name, role, scope, password reset, disabled). */
export function UserFormModal({ user, onClose }: { user: User | 'new'; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const lang = useLang();
  const creating = user === 'new';
  const create = useCreateUser();
  const update = useUpdateUser();
  const [error, setError] = useState<string | null>(null);

  const resolver = useMemo(
    () =>
      creating
        ? domainResolver(UserInput, {
            t,
            toInput: (values: UserFormValues) => ({
              email: values.email,
              name: values.name,
              role: values.role ?? undefined,
              countries: values.countries,
              password: values.password,
            }),
          })
        : domainResolver(UserPatch, {
            t,
            toInput: (values: UserFormValues) => ({
              name: values.name,
              role: values.role ?? undefined,
              countries: values.countries,
              ...(values.password ? { password: values.password } : {}),
              disabled: values.disabled,
            }),
          }),
    [creating, t],
  );
  const form = useForm<UserFormValues, unknown, object>({
    defaultValues: creating
      ? { email: '', name: '', role: 'coordinator', countries: null, password: '', disabled: false }
      : {
          email: user.email,
          name: user.name,
          role: user.role,
          countries: user.countries,
          password: '',
          disabled: user.disabledAt !== null,
        },
    resolver,
  });
  const { register, control, handleSubmit, formState, setError: setFieldError } = form;

  const submit = handleSubmit(async (input) => {
    setError(null);
    try {
      if (creating) await create.mutateAsync(input as UserInput);
      else await update.mutateAsync({ id: user.id, patch: input });
      onClose();
    } catch (caught) {
      const unplaced = showApiFieldErrors(caught, setFieldError, () => true, t);
      setError(unplaced.join('; ') || (caught instanceof Error ? caught.message : String(caught)));
    }
  });

  return (
    <Modal opened onClose={onClose} title={creating ? t('users.new') : t('users.edit')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('users.email')}
            type="email"
            disabled={!creating}
            withAsterisk
            {...register('email')}
            error={formState.errors.email?.message}
          />
          <TextInput
            label={t('users.name')}
            withAsterisk
            {...register('name')}
            error={formState.errors.name?.message}
          />
          <Controller
            name="role"
            control={control}
            render={({ field, fieldState }) => (
              <Select
                label={t('users.role')}
                data={codeOptions(userRoles, lang)}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                withAsterisk
              />
            )}
          />
          <Controller
            name="countries"
            control={control}
            render={({ field, fieldState }) => (
              <CountryScopeInput
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          <PasswordInput
            label={creating ? t('users.password') : t('users.newPassword')}
            description={t('users.passwordHint')}
            autoComplete="new-password"
            withAsterisk={creating}
            {...register('password')}
            error={formState.errors.password?.message}
          />
          {!creating && <Checkbox label={t('users.disabled')} {...register('disabled')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
