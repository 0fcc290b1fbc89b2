/** The dispatcher acts for no person: its entries in the trail say so. */
export const DISPATCHER = { sub: 'system:check-dispatcher', role: 'system' } as const;
