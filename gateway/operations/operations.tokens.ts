export const METRICS = Symbol('MetricsService');
