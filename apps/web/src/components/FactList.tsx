import { Box, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** What a record is, as a description list of terms and values in a grid (a ticket's, an invoice's facts). */
export function FactList({
  facts,
  columns = 4,
}: {
  facts: ReadonlyArray<[string, ReactNode]>;
  columns?: number;
}) {
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 3, md: columns }} spacing="sm" verticalSpacing="xs" m={0}>
      {facts.map(([term, value]) => (
        <Box key={term}>
          <Text component="dt" size="sm" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0} fw={500}>
            {value}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}
