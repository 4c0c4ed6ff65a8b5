import { defineStructure } from '../structure.dsl';

// ORDERS (Purchase order), written from D.96A + a later D directory.
// Group numbers (SGn) follow D.96A; notes say where versions differ.
// Groups only the other directory has are named SGnx (n = their number there).
export const ORDERS = defineStructure(
  'ORDERS',
  'D.96A + a later D directory',
  `
UNH M1
BGM M1
DTM M35
PAI C1
ALI C5
IMD C999  # newer C999, D.96A C1
FTX C99
GIR C10  # later directories, not in D.96A
SG1 C9999  # newer C9999, D.96A C10
  RFF M1
  DTM C5
SG2 C99
  NAD M1
  LOC C99  # newer C99, D.96A C25
  FII C5
  SG3 C99  # newer C99, D.96A C10
    RFF M1
    DTM C5
  SG4 C5
    DOC M1
    DTM C5
  SG5 C5
    CTA M1
    COM C5
SG6 C5
  TAX M1
  MOA C1
  LOC C9  # newer C9, D.96A C5
SG7 C5
  CUX M1
  PCD C5
  DTM C5
SG8x C10  # later directories, not in D.96A
  PYT M1
  DTM C5
  PCD C1
  SG9 C9999
    MOA M1
    GIR C9
    RJL C99
SG8 C10  # D.96A, dropped by D.00B
  PAT M1
  DTM C5
  PCD C1
  MOA C1
SG9 C10  # later SG10
  TDT M1
  SG10 C10  # later SG11
    LOC M1
    DTM C5
SG11 C5  # later SG12
  TOD M1
  LOC C2
SG12 C99  # newer C99, D.96A C10; later SG13
  PAC M1
  MEA C5
  SG13 C5  # later SG14
    PCI M1
    RFF C1
    DTM C5
    GIN C10
SG14 C10  # later SG15
  EQD M1
  HAN C5
  MEA C5
  FTX C5
SG15 C10  # later SG16
  SCC M1
  FTX C5
  RFF C5
  SG16 C10  # later SG17
    QTY M1
    DTM C5
SG17 C25  # later SG18
  APR M1
  DTM C5
  RNG C1
SG18 C99  # newer C99, D.96A C15; later SG19
  ALC M1
  ALI C5
  DTM C5
  SG19 C1  # later SG20
    QTY M1
    RNG C1
  SG20 C1  # later SG21
    PCD M1
    RNG C1
  SG21 C2  # newer C1, D.96A C2; later SG22
    MOA M1
    RNG C1
  SG22 C2  # newer C2, D.96A C1; later SG23
    RTE M1
    RNG C1
  SG23 C5  # later SG24
    TAX M1
    MOA C1
SG24 C999  # newer C999, D.96A C100; later SG25
  RCS M1
  RFF C5
  DTM C5
  FTX C99999  # newer C99999, D.96A C5
SG26x C999  # later directories, not in D.96A
  DGS M1
  FTX C5
  SG27 C99
    CTA M1
    COM C5
SG25 C200000  # later SG28
  LIN M1
  PIA C25
  IMD C99
  MEA C99  # newer C99, D.96A C5
  QTY C99  # newer C99, D.96A C10
  PCD C5
  ALI C5
  DTM C35
  MOA C10
  GEI C99  # later directories, not in D.96A
  GIN C1000
  GIR C1000
  QVR C1
  DOC C99  # newer C99, D.96A C5
  PAI C1
  MTD C99  # later directories, not in D.96A
  FTX C99
  SG26 C999  # later SG29
    CCI M1
    CAV C10
    MEA C10
  SG30x C10  # later directories, not in D.96A
    PYT M1
    DTM C5
    PCD C1
    SG31 C9999
      MOA M1
      GIR C9
  SG27 C10  # D.96A, dropped by D.00B
    PAT M1
    DTM C5
    PCD C1
    MOA C1
  SG28 C25  # later SG32
    PRI M1
    CUX C1
    APR C99  # newer C99, D.96A C1
    RNG C1
    DTM C5
  SG29 C9999  # newer C9999, D.96A C10; later SG33
    RFF M1
    DTM C5
    GEI C99  # later directories, not in D.96A
    MOA C99  # later directories, not in D.96A
  SG30 C99  # newer C99, D.96A C10; later SG34
    PAC M1
    MEA C5
    QTY C5
    DTM C5
    SG31 C1  # later SG35
      RFF M1
      DTM C5
    SG32 C5  # later SG36
      PCI M1
      RFF C1
      DTM C5
      GIN C10
  SG33 C9999  # later SG37
    LOC M1
    QTY C1
    PCD C1  # later directories, not in D.96A
    DTM C5
  SG34 C10  # later SG38
    TAX M1
    MOA C1
    LOC C5
  SG35 C999  # newer C999, D.96A C99; later SG39
    NAD M1
    LOC C5
    FII C5  # later directories, not in D.96A
    SG36 C99  # newer C99, D.96A C5; later SG40
      RFF M1
      DTM C5
    SG37 C5  # later SG41
      DOC M1
      DTM C5
    SG38 C5  # later SG42
      CTA M1
      COM C5
  SG39 C99  # later SG43
    ALC M1
    ALI C5
    DTM C5
    SG40 C1  # later SG44
      QTY M1
      RNG C1
    SG41 C1  # later SG45
      PCD M1
      RNG C1
    SG42 C2  # later SG46
      MOA M1
      RNG C1
    SG43 C1  # later SG47
      RTE M1
      RNG C1
    SG44 C5  # later SG48
      TAX M1
      MOA C1
  SG45 C10  # later SG49
    TDT M1
    SG46 C10  # later SG50
      LOC M1
      DTM C5
  SG47 C5  # later SG51
    TOD M1
    LOC C2
  SG48 C10  # later SG52
    EQD M1
    HAN C5
    MEA C5
    FTX C5
  SG49 C100  # later SG53
    SCC M1
    FTX C5
    RFF C5
    SG50 C10  # later SG54
      QTY M1
      DTM C5
  SG51 C999  # newer C999, D.96A C100; later SG55
    RCS M1
    RFF C5
    DTM C5
    FTX C99999  # newer C99999, D.96A C5
  SG52 C10  # later SG56
    STG M1
    SG53 C3  # later SG57
      QTY M1
      MOA C1
  SG58x C999  # later directories, not in D.96A
    DGS M1
    FTX C5
    SG59 C99
      CTA M1
      COM C5
UNS M1
MOA C99  # newer C99, D.96A C12
CNT C10
SG54 C10  # later SG60
  ALC M1
  ALI C1
  MOA M2
UNT M1
`,
);
