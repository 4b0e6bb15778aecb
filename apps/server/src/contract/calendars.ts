import { type BusinessCalendar, type Contract, compileCalendar } from "@guichet/domain";

const compiled = new WeakMap<Contract, Map<string, BusinessCalendar>>();

/** The contract's named calendars, compiled once per contract object and shared by every request. */
export function calendarOf(contract: Contract, name: string): BusinessCalendar {
  let calendars = compiled.get(contract);
  if (!calendars) {
    calendars = new Map();
    compiled.set(contract, calendars);
  }
  let calendar = calendars.get(name);
  if (!calendar) {
    const spec = contract.calendars[name];
    if (!spec) throw new Error(`contract ${contract.id} has no calendar "${name}"`);
    calendar = compileCalendar(spec, name);
    calendars.set(name, calendar);
  }
  return calendar;
}
