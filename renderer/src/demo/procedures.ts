import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import { num, part, pick, procedure, text, yes, type StepSpec } from './procedureBuilder';

const controllerSections = (torqueTitle: string): StepSpec[] => [
  {
    id: 'cb-kit',
    title: 'Kit and inspect',
    instructions: 'Work through the kit and bare-board checks below, then sign the section off.',
    steps: [
      {
        id: 'cb-kit-verify',
        title: 'Verify kit against the pick list',
        instructions: 'Count every bag against pick list PL-220. Report shortages to the cage before starting.',
        fields: [yes('kit-ok', 'Kit complete', false)],
      },
      {
        id: 'cb-kit-board',
        title: 'Inspect bare board',
        instructions: 'Check both sides under the lamp for scratches, lifted pads and contamination. Grade A: no defects.',
        fields: [pick('board-grade', 'Board grade', ['A', 'B'], true)],
      },
      {
        id: 'cb-kit-serial',
        title: 'Record board serial',
        instructions: 'Scan the board serial label.',
        fields: [text('board-sn', 'Board serial number', true)],
      },
    ],
  },
  {
    id: 'cb-smt',
    title: 'SMT assembly',
    instructions: 'Paste, place and reflow on line 2.',
    steps: [
      {
        id: 'cb-smt-paste',
        title: 'Apply solder paste',
        instructions: 'Load stencil ST-220-B. Print and measure paste height at the four fiducials.',
        fields: [num('paste-um', 'Paste height', 'µm', 100, 150, false)],
      },
      {
        id: 'cb-smt-place',
        title: 'Place components',
        instructions: 'Run placement program CB220-TOP. Install the microcontroller by hand if the feeder is empty.',
        parts: [part('cb-mcu', 'MCU-STM32G4', 'Microcontroller, 64-pin', 1, 'serial'), part('cb-cap', 'CAP-0603-100N', 'Capacitor 100 nF 0603', 24, 'lot')],
      },
      {
        id: 'cb-smt-reflow',
        title: 'Reflow',
        instructions: 'Profile RF-7. Record the peak temperature from the oven log.',
        fields: [num('peak-c', 'Peak temperature', '°C', 235, 250, false)],
      },
    ],
  },
  {
    id: 'cb-test',
    title: 'Electrical test',
    instructions: 'Bench 4. Wear a wrist strap.',
    steps: [
      {
        id: 'cb-test-rail',
        title: 'Measure 5 V rail',
        instructions: 'Probe TP5 to GND with the board powered from the 12 V bench supply.',
        fields: [num('rail-5v', '5 V rail', 'V', 4.9, 5.1, true)],
      },
      {
        id: 'cb-test-fw',
        title: 'Program firmware',
        instructions: 'Flash the released image with the programming jig.',
        fields: [pick('fw', 'Firmware', ['2.4.1', '2.5.0'], false)],
      },
    ],
  },
  {
    id: 'cb-enclose',
    title: torqueTitle,
    instructions: 'Seat the board on the standoffs and torque the four M3 screws in a cross pattern.',
    fields: [num('torque-nm', 'Wrench setting', 'N·m', 0.5, 0.7, false)],
    parts: [part('cb-enc', 'ENC-200', 'Enclosure, aluminium', 1, 'serial')],
  },
  {
    id: 'cb-qa',
    title: 'Final QA',
    instructions: 'Supervisor inspection against the workmanship standard.',
    role: 'supervisor',
    fields: [yes('qa-visual', 'No defects found', true)],
  },
];

/** Controller board, version 3 (current) and 2 (same step identities: its runs share steps with v3's). */
export const controllerV3: ProcedureVersion = procedure(
  { id: 'P-CB220@3', procedureId: 'P-CB220', name: 'Controller board CB-220', version: 3 },
  controllerSections('Mount in enclosure'),
);
export const controllerV2: ProcedureVersion = procedure(
  { id: 'P-CB220@2', procedureId: 'P-CB220', name: 'Controller board CB-220', version: 2 },
  controllerSections('Mount in enclosure (old torque table)'),
);

export const harnessV2: ProcedureVersion = procedure({ id: 'P-MH48@2', procedureId: 'P-MH48', name: 'Motor harness MH-48', version: 2 }, [
  {
    id: 'mh-cut',
    title: 'Cut and strip wires',
    instructions: 'Cut six conductors to length on the cutter and strip 5 mm.',
    fields: [num('length-mm', 'Cut length', 'mm', 498, 502, false)],
  },
  {
    id: 'mh-crimp',
    title: 'Crimp terminals',
    instructions: 'Crimp with applicator AP-3. Pull-test one terminal per harness.',
    fields: [num('pull-n', 'Pull force', 'N', 40, undefined, true)],
    parts: [part('mh-term', 'TERM-JST-SXH', 'Crimp terminal', 12, 'lot')],
  },
  {
    id: 'mh-housing',
    title: 'Assemble connector housings',
    instructions: 'Insert terminals per drawing MH-48-D2 until they click.',
    parts: [part('mh-conn', 'CONN-6P-JST', 'Housing, 6 position', 2, 'none')],
  },
  {
    id: 'mh-continuity',
    title: 'Continuity test',
    instructions: 'Run tester program MH48. All six circuits must pass.',
    fields: [yes('continuity', 'All circuits pass', true)],
  },
  {
    id: 'mh-label',
    title: 'Label and bag',
    instructions: 'Print the harness label and bag with a desiccant pack.',
    fields: [text('label-sn', 'Harness label', true)],
  },
  {
    id: 'mh-qa',
    title: 'QA release',
    instructions: 'Supervisor checks the label and the test record.',
    role: 'supervisor',
    fields: [yes('qa-ok', 'Released', false)],
  },
]);

export const pumpV1: ProcedureVersion = procedure({ id: 'P-PM10@1', procedureId: 'P-PM10', name: 'Pump module PM-10', version: 1 }, [
  {
    id: 'pm-housing',
    title: 'Prepare housing',
    steps: [
      {
        id: 'pm-housing-inspect',
        title: 'Inspect housing casting',
        instructions: 'Look for porosity on the sealing faces.',
        fields: [pick('casting', 'Casting condition', ['Good', 'Minor marks'], true)],
      },
      {
        id: 'pm-housing-seals',
        title: 'Fit seals',
        instructions: 'Lubricate the O-rings with the approved grease and fit both.',
        parts: [part('pm-seal', 'SEAL-KIT-10', 'O-ring kit', 1, 'lot')],
      },
    ],
  },
  {
    id: 'pm-motor',
    title: 'Install motor',
    instructions: 'Fit the 48 V motor and torque the flange bolts.',
    fields: [num('flange-nm', 'Flange torque', 'N·m', 8, 10, false)],
    parts: [part('pm-motor-part', 'MOT-48V-200W', 'Motor 48 V 200 W', 1, 'serial')],
  },
  {
    id: 'pm-pressure',
    title: 'Pressure test',
    steps: [
      { id: 'pm-pressure-fill', title: 'Fill and bleed', instructions: 'Fill with test fluid and bleed at the top port.' },
      {
        id: 'pm-pressure-hold',
        title: 'Hold test pressure',
        instructions: 'Hold 10 bar for 5 minutes and read the leak rate.',
        fields: [num('pressure-bar', 'Test pressure', 'bar', 9.5, 10.5, true), num('leak', 'Leak rate', 'mbar/min', 0, 2, true)],
      },
    ],
  },
  {
    id: 'pm-qa',
    title: 'Final QA',
    instructions: 'Supervisor approval against the test record.',
    role: 'supervisor',
    fields: [yes('pm-qa-ok', 'Approved for shipment', true)],
  },
]);

export const demoProcedures: readonly ProcedureVersion[] = [controllerV3, controllerV2, harnessV2, pumpV1];
