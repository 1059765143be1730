import { Badge, Group, Text, Title } from '@mantine/core';

export function Header() {
  return (
    <Group component="header" className="atlas-header" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Title order={1} size="h3" c="white">
          CARSI Atlas
        </Title>
        <Text size="sm" c="blue.1" visibleFrom="sm">
          Central America Regional Security Initiative — programs and sites
        </Text>
      </Group>
      <Badge color="yellow" variant="filled" size="lg" radius="sm" data-testid="illustrative-note">
        Illustrative sample data
      </Badge>
    </Group>
  );
}
