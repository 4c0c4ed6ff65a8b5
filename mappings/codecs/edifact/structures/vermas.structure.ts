import { defineStructure } from '../structure.dsl';

// VERMAS (Verified gross mass), written from D.21A.
// Group numbers (SGn) follow D.21A; notes say where versions differ.
export const VERMAS = defineStructure(
  'VERMAS',
  'D.21A',
  `
UNH M1
BGM M1
DTM C9
SG1 C9
  RFF M1
  DTM C9
SG2 C9
  NAD M1
  SG3 C9
    CTA M1
    COM C9
SG4 C99999
  EQD M1
  RFF C9
  LOC C9
  SEL C99
  SG5 C9
    MEA M1
    DTM C9
  SG6 C9
    TDT M1
    RFF C9
  SG7 C9
    DOC M1
    DTM C9
    SG8 C9
      NAD M1
      SG9 C9
        CTA M1
        COM C9
UNT M1
`,
);
