import type { ProcedureVersion } from '../../shared/schemas/procedure';
import { check, choice, note, num, procedure, serial, type StepSpec } from './procedureBuilder';

const boardSections = (torqueTitle: string): StepSpec[] => [
  {
    title: 'Kit and inspect',
    steps: [
      { title: 'Verify traveler and kit against the pick list', fields: [check('kit-ok', 'Kit complete')] },
      { title: 'Inspect bare board for damage', fields: [choice('board-grade', 'Board grade', ['A', 'B'])] },
      { title: 'Record board serial', fields: [serial('board-sn', 'Board serial number')] },
    ],
  },
  {
    title: 'Solder paste and placement',
    steps: [
      { title: 'Load stencil and apply paste', fields: [num('paste-thk', 'Paste thickness', 'µm', 100, 150)] },
      { title: 'Place components', parts: [['IC-MCU-32', 1, 'serial'], ['CAP-0603-100N', 24, 'lot']] },
      { title: 'Reflow', fields: [num('peak-temp', 'Peak temperature', '°C', 235, 250)] },
      { title: 'Automated optical inspection', fields: [check('aoi-pass', 'AOI passed')] },
    ],
  },
  {
    title: 'Through-hole and connectors',
    steps: [
      { title: 'Install power connector', parts: [['CONN-PWR-4', 1, 'none']] },
      { title: 'Install signal header', parts: [['HDR-2X10', 1, 'none']] },
      { title: 'Wave solder and clean' },
    ],
  },
  {
    title: 'Electrical test',
    steps: [
      { title: 'Measure 5 V rail', fields: [num('rail-5v', '5 V rail', 'V', 4.9, 5.1, true)] },
      { title: 'Measure 3.3 V rail', fields: [num('rail-3v3', '3.3 V rail', 'V', 3.25, 3.35, true)] },
      { title: 'Program firmware', fields: [choice('fw', 'Firmware', ['2.4.1', '2.5.0'])] },
      { title: 'Functional test', fields: [check('func-pass', 'Functional test passed')] },
    ],
  },
  {
    title: 'Mechanical',
    steps: [
      { title: 'Mount board in enclosure', parts: [['ENC-200', 1, 'serial']] },
      { title: torqueTitle, fields: [num('torque', 'Wrench setting', 'Nm', 0.5, 0.7)] },
      { title: 'Fit cover' },
    ],
  },
  {
    title: 'Final QA',
    role: 'supervisor',
    steps: [
      { title: 'Visual inspection', role: 'supervisor', fields: [check('visual', 'No defects found')] },
      { title: 'Apply serial label', fields: [check('label', 'Label applied')] },
      { title: 'QA remarks', fields: [note('remarks', 'Remarks')] },
    ],
  },
];

const harness: StepSpec[] = [
  {
    title: 'Prepare wire',
    steps: [
      { title: 'Cut wire to length', fields: [num('length', 'Cut length', 'mm', 498, 502)], parts: [['WIRE-18AWG', 4, 'lot']] },
      { title: 'Strip ends', fields: [num('strip', 'Strip length', 'mm', 5, 7)] },
    ],
  },
  {
    title: 'Crimp and insert',
    steps: [
      { title: 'Crimp terminals', parts: [['TERM-CRIMP-18', 8, 'lot']], fields: [num('pull', 'Pull test', 'N', 90, 200, true)] },
      { title: 'Insert into housing', parts: [['HSG-4P', 2, 'none']] },
    ],
  },
  {
    title: 'Bundle',
    steps: [
      { title: 'Route on form board' },
      { title: 'Apply heat shrink' },
      { title: 'Tie wraps every 100 mm' },
    ],
  },
  {
    title: 'Test',
    steps: [
      { title: 'Continuity test', fields: [check('continuity', 'Continuity passed')] },
      { title: 'Hi-pot test', fields: [num('hipot', 'Leakage current', 'mA', 0, 0.5, true)] },
      { title: 'Record harness serial', fields: [serial('harness-sn', 'Harness serial number')] },
    ],
  },
  { title: 'Final inspection', role: 'supervisor', steps: [{ title: 'Inspect and tag', role: 'supervisor', fields: [check('tag', 'Tagged')] }] },
  {
    title: 'Label and pack',
    steps: [{ title: 'Print label' }, { title: 'Attach label', fields: [check('label', 'Label attached')] }, { title: 'Bag and box' }],
  },
];

const motorModules = ['Stator', 'Rotor', 'Encoder', 'Drive board', 'Brake', 'Housing'];
const motor: StepSpec[] = [
  ...motorModules.map(
    (m): StepSpec => ({
      title: `${m} sub-assembly`,
      steps: [
        { title: `Pick ${m.toLowerCase()} parts`, parts: [[`MC-${m.slice(0, 3).toUpperCase()}-01`, 1, 'serial']] },
        { title: `Assemble ${m.toLowerCase()}`, fields: [num(`${m.slice(0, 3).toLowerCase()}-torque`, 'Fastener torque', 'Nm', 2.0, 2.4)] },
        { title: `Check ${m.toLowerCase()}`, fields: [check(`${m.slice(0, 3).toLowerCase()}-ok`, `${m} checked`)] },
        { title: `Record ${m.toLowerCase()} serial`, fields: [serial(`${m.slice(0, 3).toLowerCase()}-sn`, `${m} serial`)] },
      ],
    }),
  ),
  {
    title: 'Run-in test',
    steps: [
      { title: 'No-load current', fields: [num('noload', 'No-load current', 'A', 0.2, 0.6, true)] },
      { title: 'Rated-load temperature rise', fields: [num('temprise', 'Temperature rise', 'K', 0, 40, true)] },
      { title: 'Vibration', fields: [num('vib', 'Vibration', 'mm/s', 0, 2.8, true)] },
    ],
  },
  {
    title: 'Release',
    role: 'supervisor',
    steps: [
      { title: 'Review test record', role: 'supervisor', fields: [check('record-ok', 'Record complete')] },
      { title: 'Engineering sign-off', role: 'engineer', fields: [choice('disposition', 'Disposition', ['Accept', 'Accept with deviation'])] },
    ],
  },
];

const batteryStages = ['Cell sorting', 'Module stacking', 'Busbar welding', 'BMS fitting', 'Pack enclosure', 'Cooling loop', 'Insulation', 'Charge test', 'Discharge test', 'Packing'];
const battery: StepSpec[] = batteryStages.map((stage, i): StepSpec => ({
  title: stage,
  role: i >= 8 ? 'supervisor' : 'technician',
  steps: [
    { title: `${stage}: prepare`, ...(i === 1 ? { parts: [['CELL-21700', 12, 'lot']] } : {}) },
    { title: `${stage}: perform`, fields: [num(`b${String(i)}-v`, 'Pack voltage', 'V', 43, 50.4, true)] },
    { title: `${stage}: verify`, fields: [check(`b${String(i)}-ok`, `${stage} verified`)] },
    { title: `${stage}: record`, fields: [note(`b${String(i)}-note`, 'Notes')] },
  ],
}));

/** The demo plant's released procedures: 20 to 60 steps, nested, with limits, per-unit fields, parts and roles. */
export function demoProcedures(): ProcedureVersion[] {
  return [
    procedure('P-100', 'Controller board assembly', 1, boardSections('Torque mounting screws')),
    procedure('P-100', 'Controller board assembly', 2, boardSections('Torque mounting screws (revised pattern)')),
    procedure('P-200', 'Cable harness build', 1, harness),
    procedure('P-300', 'Servo motor final assembly', 3, motor),
    procedure('P-400', 'Battery pack integration', 2, battery),
  ];
}
