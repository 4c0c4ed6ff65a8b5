import { defineStructure } from '../structure.dsl';

// CUSRES (Customs response), written from D.96A.
// Group numbers (SGn) follow D.96A; notes say where versions differ.
export const CUSRES = defineStructure(
  'CUSRES',
  'D.96A',
  `
UNH M1
BGM M1
NAD C5
LOC C5
DTM C7
GIS C10
FTX C5
EQD C999
SG1 C50
  ERP M1
  ERC C50
SG2 C999
  PAC M1
  SG3 C1
    PCI M1
    FTX C1
SG4 C50
  TAX M1
  MOA C2
  GIS C1
SG5 M9999
  RFF M1
  DTM C1
  MEA C20
  EQD C99
  SG6 C10
    MOA M1
    CUX C1
  SG7 C20
    TAX M1
    MOA C2
    GIS C1
SG8 C5
  DOC M1
  DTM C2
  LOC C1
SG9 C1
  AUT M1
  DTM C1
UNT M1
`,
);
