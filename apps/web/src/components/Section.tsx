import { Box, Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import { ClauseTag } from "./ClauseTag";

/** A titled region of a page (an h2 that names the landmark), with its intro and clause. */
export function Section({
  title,
  intro,
  clause,
  children,
}: {
  title: string;
  intro?: ReactNode;
  clause?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id} mb="xl">
      <Stack gap="sm">
        <Title order={2} id={id} size="h3">
          {title}
        </Title>
        <IntroLine intro={intro} clause={clause} />
        {children}
      </Stack>
    </Box>
  );
}

/** The sentence under a page's or a section's title, with the clause it rests on. */
export function IntroLine({ intro, clause }: { intro?: ReactNode; clause?: string }) {
  if (!intro && !clause) return null;
  return (
    <Group gap="xs" align="baseline">
      {intro && <Text>{intro}</Text>}
      {clause && <ClauseTag clause={clause} />}
    </Group>
  );
}
