// Bank accounts of the demo payment cases: IBANs composed with their real check digits (ibantools
// computes the ISO 13616 pair; the French RIB key is computed here), so that the service's checks
// pass for the reason they pass in real life; account numbers with a BIC where a country has no
// IBAN (Nigeria, the United States, Japan). All are invented.
import { composeIBAN, isValidBIC, isValidIBAN } from 'ibantools';

export interface DemoAccount {
  account: string;
  bic?: string;
}

/** An IBAN of `country` around `bban`, with its check digits; throws if it is not valid. */
export function demoIban(country: string, bban: string): string {
  const iban = composeIBAN({ countryCode: country, bban });
  if (!iban || !isValidIBAN(iban)) throw new Error(`demo payments: no valid ${country} IBAN for ${bban}`);
  return iban;
}

/** A French BBAN: bank, branch, 11-digit account and its RIB key 97 − (89·bank + 15·branch + 3·account) mod 97. */
export function frenchBban(bank: string, branch: string, account: string): string {
  const sum = 89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account);
  const key = 97n - (sum % 97n);
  return `${bank}${branch}${account}${key.toString().padStart(2, '0')}`;
}

const withBic = (account: string, bic: string): DemoAccount => {
  if (!isValidBIC(bic)) throw new Error(`demo payments: ${bic} is not a valid BIC`);
  return { account, bic };
};

export const ACCOUNTS = {
  // France: BNP Paribas (30004), Société Générale (30003), LCL (30002).
  frBnp: withBic(demoIban('FR', frenchBban('30004', '00819', '00012345678')), 'BNPAFRPP'),
  frSocgen: withBic(demoIban('FR', frenchBban('30003', '03620', '00050412876')), 'SOGEFRPP'),
  frLcl: withBic(demoIban('FR', frenchBban('30002', '00550', '00000157841')), 'CRLYFRPP'),
  // Jordan: Arab Bank, Housing Bank.
  joArab: withBic(demoIban('JO', 'ARAB1180000000118201234500'), 'ARABJOAX'),
  joHousing: withBic(demoIban('JO', 'HBHO0320000000320567812300'), 'HBHOJOAX'),
  // Brazil (ISPB, branch, account, type, holder): Itaú (60701190), Banco do Brasil (00000000).
  brItau: withBic(demoIban('BR', '60701190' + '01570' + '0000123456' + 'C1'), 'ITAUBRSP'),
  brBb: withBic(demoIban('BR', '00000000' + '03217' + '0000987654' + 'C1'), 'BRASBRRJ'),
  // United Arab Emirates: Emirates NBD (260).
  aeEnbd: withBic(demoIban('AE', '2600001015551234567'), 'EBILAEAD'),
  // Nigeria (10-digit NUBAN account numbers): First Bank, Zenith, GTBank.
  ngFirst: withBic('3081456721', 'FBNINGLA'),
  ngZenith: withBic('1014728356', 'ZEIBNGLA'),
  ngGtb: withBic('0236619874', 'GTBINGLA'),
  // United States: JPMorgan Chase, Bank of America.
  usChase: withBic('483920175', 'CHASUS33'),
  usBofa: withBic('004471236588', 'BOFAUS3N'),
  // Japan: Mizuho.
  jpMizuho: withBic('1234567', 'MHCBJPJT'),
} satisfies Record<string, DemoAccount>;

/** The victims' own accounts the money left from (sending accounts). */
export const VICTIM_ACCOUNTS = {
  FR: demoIban('FR', frenchBban('30004', '01328', '00087654321')),
  JO: demoIban('JO', 'HBHO0110000000110998877600'),
  BR: demoIban('BR', '00000000' + '01234' + '0000456789' + 'C1'),
  US: '021000021-7700451183',
  JP: '0001-123-4455667',
  NG: '2009334415',
};
