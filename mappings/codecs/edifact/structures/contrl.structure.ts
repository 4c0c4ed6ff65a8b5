import { defineStructure } from '../structure.dsl';

// CONTRL (Syntax and service report), written from ISO 9735 service directory (syntax 3 CONTRL, D.3).
// Group numbers (SGn) follow ISO 9735 service directory (syntax 3 CONTRL, D.3); notes say where versions differ.
export const CONTRL = defineStructure(
  'CONTRL',
  'ISO 9735 service directory (syntax 3 CONTRL, D.3)',
  `
UNH M1
UCI M1
SG1 C999999
  UCM M1
  SG2 C999
    UCS M1
    UCD C99
SG3 C999999
  UCF M1
  SG4 C999999
    UCM M1
    SG5 C999
      UCS M1
      UCD C99
UNT M1
`,
);
