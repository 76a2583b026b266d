import type { Signature } from '../../../shared/schemas/signature';
import { provenanceText } from '../run/provenance';
import { formatWithZone } from '../ui/format';
import { meaningWords } from '../ui/words';

/**
 * One e-signature as 21 CFR 11.50 wants it shown: the signer's printed name, the date and time
 * with its zone, and the meaning; a propagated one also says where it came from.
 */
export function SignatureManifest({ signature, current, stepNumber }: { signature: Signature; current: boolean; stepNumber: (stepId: string) => string | null }) {
  return (
    <li className="sig" data-signature-id={signature.id}>
      <span className="sig-name">{signature.signerName}</span> · <span className="sig-meaning">{meaningWords[signature.meaning]}</span> ·{' '}
      <time className="sig-time" dateTime={signature.signedAt}>
        {formatWithZone(signature.signedAt)}
      </time>
      {!current && <span className="sig-superseded"> (superseded by a reopen)</span>}
      {signature.provenance && <span className="sig-provenance">{provenanceText(signature.provenance, stepNumber(signature.provenance.fromStepId))}</span>}
    </li>
  );
}
