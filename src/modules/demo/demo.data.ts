// The demo organisation: bureaus on different continents and the General Secretariat,
// with units and one sign-in per role. Data, so it reads as the demo it describes.
import type { Capability, Role } from '../../platform/auth/principal.js';

export const DEMO_PASSWORD = 'meridian-demo-2026';
/** Every demo account that needs a second factor shares this TOTP secret (base32). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface DemoUnit {
  key: string;
  name: string;
  kind: string;
  capabilities: Capability[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  unit?: string; // DemoUnit.key
}

export interface DemoBureau {
  code: string;
  units: DemoUnit[];
  users: DemoUser[];
}

const standardUsers = (cc: string, names: [string, string, string, string]): DemoUser[] => [
  { username: `${cc}.officer`, displayName: names[0], roles: ['officer'] },
  { username: `${cc}.supervisor`, displayName: names[1], roles: ['officer', 'supervisor'] },
  { username: `${cc}.admin`, displayName: names[2], roles: ['bureau_admin'] },
  { username: `${cc}.dpo`, displayName: names[3], roles: ['dpo'] },
];

export const DEMO_BUREAUS: DemoBureau[] = [
  {
    code: 'FR',
    units: [
      {
        key: 'cyber',
        name: 'Cybercrime unit',
        kind: 'cybercrime',
        capabilities: ['databases', 'messaging', 'notices', 'networks'],
      },
      {
        key: 'cdg',
        name: 'Paris-Charles de Gaulle border post',
        kind: 'border_post',
        capabilities: ['screening', 'databases'],
      },
      {
        key: 'fiu',
        name: 'Financial intelligence unit',
        kind: 'financial_intelligence',
        capabilities: ['payments', 'databases', 'messaging'],
      },
      {
        // Screening only: a hit tells its officers that a record exists and whom to contact.
        key: 'ory',
        name: 'Paris-Orly passport control',
        kind: 'border_post',
        capabilities: ['screening'],
      },
    ],
    users: [
      ...standardUsers('fr', ['Camille Laurent', 'Julien Moreau', 'Sophie Bernard', 'Élodie Petit']),
      { username: 'fr.border', displayName: 'Lucas Girard', roles: ['officer'], unit: 'cdg' },
      { username: 'fr.gate', displayName: 'Manon Dubois', roles: ['officer'], unit: 'ory' },
      { username: 'fr.cyber', displayName: 'Inès Lefèvre', roles: ['officer'], unit: 'cyber' },
      // Payment requests forwarded to the financial intelligence unit are answered there.
      { username: 'fr.financial', displayName: 'Hugo Marchand', roles: ['officer'], unit: 'fiu' },
    ],
  },
  {
    code: 'JO',
    units: [
      {
        key: 'cp',
        name: 'Child protection unit',
        kind: 'child_protection',
        capabilities: ['icse', 'databases', 'messaging'],
      },
      {
        key: 'ct',
        name: 'Counter-terrorism unit',
        kind: 'counter_terrorism',
        capabilities: ['networks', 'cbrne', 'databases', 'messaging', 'notices'],
      },
    ],
    users: [
      ...standardUsers('jo', ['ليث الخطيب', 'رنا العبدالله', 'عمر الحسن', 'دانة المصري']),
      { username: 'jo.childprotection', displayName: 'سلمى حداد', roles: ['officer'], unit: 'cp' },
      { username: 'jo.ct', displayName: 'خالد النمري', roles: ['officer'], unit: 'ct' },
    ],
  },
  {
    code: 'BR',
    units: [
      {
        key: 'foz',
        name: 'Foz do Iguaçu border post',
        kind: 'border_post',
        capabilities: ['screening', 'databases'],
      },
    ],
    users: standardUsers('br', ['Ana Souza', 'Rafael Lima', 'Beatriz Costa', 'Mariana Alves']),
  },
  {
    code: 'NG',
    units: [
      {
        key: 'fiu',
        name: 'Financial intelligence unit',
        kind: 'financial_intelligence',
        capabilities: ['payments', 'databases', 'messaging'],
      },
    ],
    users: [
      ...standardUsers('ng', ['Chinedu Okafor', 'Aisha Bello', 'Tunde Adeyemi', 'Ngozi Eze']),
      { username: 'ng.financial', displayName: 'Emeka Nwosu', roles: ['officer'], unit: 'fiu' },
    ],
  },
  {
    code: 'JP',
    units: [
      {
        key: 'cyber',
        name: 'Cybercrime unit',
        kind: 'cybercrime',
        capabilities: ['databases', 'messaging', 'networks'],
      },
    ],
    users: standardUsers('jp', ['佐藤 健', '鈴木 花子', '高橋 誠', '田中 美咲']),
  },
  {
    code: 'US',
    units: [
      {
        key: 'cp',
        name: 'Child exploitation unit',
        kind: 'child_protection',
        capabilities: ['icse', 'databases', 'messaging'],
      },
      {
        key: 'ct',
        name: 'Counter-terrorism unit',
        kind: 'counter_terrorism',
        capabilities: ['networks', 'cbrne', 'databases', 'messaging', 'notices'],
      },
    ],
    users: [
      ...standardUsers('us', ['Michael Johnson', 'Jennifer Davis', 'Robert Miller', 'Linda Wilson']),
      { username: 'us.childprotection', displayName: 'Sarah Thompson', roles: ['officer'], unit: 'cp' },
    ],
  },
  {
    code: 'XG',
    units: [],
    users: [
      { username: 'xg.officer', displayName: 'Operations Centre officer', roles: ['officer'] },
      // Approves what the General Secretariat itself requests (UN special notices): four eyes.
      {
        username: 'xg.supervisor',
        displayName: 'Operations Centre supervisor',
        roles: ['officer', 'supervisor'],
      },
      { username: 'xg.reviewer', displayName: 'Notices and Diffusions reviewer', roles: ['gs_reviewer'] },
      { username: 'xg.admin', displayName: 'General Secretariat administrator', roles: ['gs_admin'] },
      { username: 'xg.dpo', displayName: 'General Secretariat data-protection officer', roles: ['dpo'] },
    ],
  },
];

/** The demo API key for a border system: bureau, unit key and the capabilities it is granted. */
export const DEMO_API_KEY = {
  bureau: 'FR',
  unit: 'cdg',
  name: 'CDG e-gates',
  capabilities: ['screening'] as Capability[],
};
