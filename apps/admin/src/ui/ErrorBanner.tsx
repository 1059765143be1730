import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ErrorBannerProps {
  title: string;
  error: Error;
  onRetry?: () => void;
}

/** A failed API call, explained on the page (never a blank map). */
export function ErrorBanner({ title, error, onRetry }: ErrorBannerProps) {
  const { t } = useTranslation();
  return (
    <Alert
      className="atlas-error"
      role="alert"
      color="red"
      variant="filled"
      title={title}
      data-testid="error-banner"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">{error.message}</Text>
        {onRetry && (
          <Button size="compact-sm" variant="white" color="red" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
