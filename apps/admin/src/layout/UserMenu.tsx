import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../api/session';
import { SIGN_OUT_STATE } from './sign-out';

/** The signed-in user's name, with sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="white" size="xs" data-testid="user-menu">
          {user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs">{user.email}</Text>
        </Menu.Label>
        <Menu.Item
          onClick={() => {
            // The sign-in page ends the session once the signed-in pages are left (no `?next=`).
            void navigate('/sign-in', { state: SIGN_OUT_STATE });
          }}
        >
          {t('signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
