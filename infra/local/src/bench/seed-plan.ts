/** The shipped example types (functions/case-types), seeded in turn: case n is of type n mod 4. */
export const seedTypes = ['omgevingsvergunning', 'klacht', 'subsidieaanvraag', 'storingsonderhoud-netwerk'] as const;

/**
 * Which of `handlers` takes seed case n: the next handler after each round of the types, so every
 * handler gets every type in equal shares (not type t always to handlers t and t + 4).
 */
export const seedAssignment = (n: number, handlers: number): number => Math.floor(n / seedTypes.length) % handlers;
