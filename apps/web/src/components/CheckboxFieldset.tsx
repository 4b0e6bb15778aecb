import { Checkbox, Fieldset, Group } from "@mantine/core";
import type { ReactNode } from "react";

/** A named group of checkboxes sharing one form field name (read back with `checked()`). */
export function CheckboxFieldset<T extends string>({
  legend,
  name,
  options,
  defaultChecked = [],
  children,
}: {
  legend: string;
  name: string;
  options: readonly { value: T; label: string }[];
  defaultChecked?: readonly T[];
  children?: ReactNode;
}) {
  return (
    <Fieldset
      legend={legend}
      variant="unstyled"
      styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)", marginBottom: 6 } }}
    >
      <Group>
        {options.map((option) => (
          <Checkbox
            key={option.value}
            name={name}
            value={option.value}
            label={option.label}
            defaultChecked={defaultChecked.includes(option.value)}
          />
        ))}
      </Group>
      {children}
    </Fieldset>
  );
}
