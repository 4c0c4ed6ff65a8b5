// Runs once before the integration suites. Filled in by the foundation work.
export default async function globalSetup(): Promise<void> {}
