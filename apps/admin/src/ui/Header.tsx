import { Badge, Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** The public map's header: the title, the sample-data note, language and sign-in. */
export function Header() {
  const { t } = useTranslation();
  return (
    <Group component="header" className="atlas-header" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Title order={1} size="h3" c="white">
          CARSI Atlas
        </Title>
        <Text size="sm" c="blue.1" visibleFrom="md">
          {t('app.tagline')}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Badge
          color="yellow"
          variant="filled"
          size="lg"
          radius="sm"
          data-testid="illustrative-note"
        >
          {t('app.illustrative')}
        </Badge>
        <LanguageSwitch />
        <Button component={Link} to="/sign-in" variant="white" size="xs">
          {t('signIn.submit')}
        </Button>
      </Group>
    </Group>
  );
}
