import { parseArgs } from 'node:util';
import { addUser, createEnrolmentCode, setUserActive } from './adminCommands';
import { Store } from './storage/store';

const usage = `Usage: npm run admin -- <command> [options]
  add-user --id ID --name "Printed Name" --role technician|supervisor|engineer|admin --badge BADGE
           (the PIN is read from standard input, so it stays out of the process list and shell history)
  deactivate-user --id ID
  reactivate-user --id ID
  enrolment-code [--uses N (default 1)] [--hours H (default 72)]
Every command takes --data DIR (default ./data), the server's data folder.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      data: { type: 'string', default: './data' },
      id: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      badge: { type: 'string' },
      uses: { type: 'string', default: '1' },
      hours: { type: 'string', default: '72' },
    },
    strict: true,
  });
  const store = Store.open(values.data);
  try {
    const now = new Date();
    switch (command) {
      case 'add-user': {
        const user = await addUser(
          store,
          { id: values.id ?? '', name: values.name ?? '', role: values.role ?? '', badgeId: values.badge ?? '', pin: await readStdin() },
          now.toISOString(),
        );
        console.log(`Added ${user.name} (${user.id}, ${user.role}).`);
        break;
      }
      case 'deactivate-user':
      case 'reactivate-user':
        setUserActive(store, values.id ?? '', command === 'reactivate-user', now.toISOString());
        console.log(`${values.id ?? ''} is ${command === 'reactivate-user' ? 'active' : 'deactivated'}.`);
        break;
      case 'enrolment-code': {
        const { code, expiresAt } = createEnrolmentCode(store, Number(values.uses), Number(values.hours), now);
        console.log(`Enrolment code ${code} (${values.uses} use(s), valid until ${expiresAt}).`);
        break;
      }
      case undefined:
      default:
        console.log(usage);
        process.exitCode = command === undefined || command === 'help' ? 0 : 2;
    }
  } finally {
    store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
