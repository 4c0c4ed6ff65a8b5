import { z } from 'zod';
import { NonNegativeDecimalSchema } from './decimal.schema';
import { UnitCodeSchema } from './unit.schema';

/** A measured amount of goods: "12.5" KGM, "400" H87. */
export const QuantitySchema = z.strictObject({
  value: NonNegativeDecimalSchema,
  unit: UnitCodeSchema,
});
export type Quantity = z.infer<typeof QuantitySchema>;
