// What files a record may carry, recognised by their first bytes rather than trusted from the
// client's label: photos (JPEG, PNG), documents (PDF) and ANSI/NIST-ITL biometric transactions.
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'application/vnd.ansi-nist',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The type the content really is, or null when it is none of the accepted ones. */
export function sniffMediaType(content: Buffer): AttachmentType | null {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  // ANSI/NIST-ITL traditional encoding opens with the Type-1 record's first field, 1.001 (length);
  // the XML encoding (NIEM) names its root element NISTBiometricInformationExchangePackage.
  const head = content.subarray(0, 512).toString('latin1');
  if (/^1\.0*1:\d+/.test(head) || head.includes('NISTBiometricInformationExchangePackage')) {
    return 'application/vnd.ansi-nist';
  }
  return null;
}
