/** "1 contact", "3 contacts": a count with its noun agreeing. */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
