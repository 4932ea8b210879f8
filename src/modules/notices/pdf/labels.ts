// Every word the printed notice shows that is not the notice's own data, in the four working
// languages. Kept as data in one place so a translator can review it without reading the layout;
// a missing translation falls back to English rather than failing a print.
import type { NoticeStatus, NoticeType } from '../notice.types.js';
import { isolate } from './bidi-text.js';

export type PdfLanguage = 'ar' | 'en' | 'fr' | 'es';
type Translations = { en: string } & Partial<Record<Exclude<PdfLanguage, 'en'>, string>>;

export const TYPE_TITLES: Record<NoticeType, Translations> = {
  red: { en: 'Red Notice', fr: 'Notice rouge', es: 'Notificación roja', ar: 'نشرة حمراء' },
  yellow: { en: 'Yellow Notice', fr: 'Notice jaune', es: 'Notificación amarilla', ar: 'نشرة صفراء' },
  blue: { en: 'Blue Notice', fr: 'Notice bleue', es: 'Notificación azul', ar: 'نشرة زرقاء' },
  black: { en: 'Black Notice', fr: 'Notice noire', es: 'Notificación negra', ar: 'نشرة سوداء' },
  green: { en: 'Green Notice', fr: 'Notice verte', es: 'Notificación verde', ar: 'نشرة خضراء' },
  orange: { en: 'Orange Notice', fr: 'Notice orange', es: 'Notificación naranja', ar: 'نشرة برتقالية' },
  purple: { en: 'Purple Notice', fr: 'Notice mauve', es: 'Notificación morada', ar: 'نشرة بنفسجية' },
  silver: { en: 'Silver Notice', fr: 'Notice argent', es: 'Notificación plateada', ar: 'نشرة فضية' },
  un: {
    en: 'UN Security Council Special Notice',
    fr: 'Notice spéciale ONU–Conseil de sécurité',
    es: 'Notificación especial ONU–Consejo de Seguridad',
    ar: 'نشرة خاصة بمجلس الأمن التابع للأمم المتحدة',
  },
};

/** The type's name alone, shown under "Diffusion" (a diffusion is not a notice). */
export const TYPE_NAMES: Record<NoticeType, Translations> = {
  red: { en: 'Red', fr: 'Rouge', es: 'Roja', ar: 'حمراء' },
  yellow: { en: 'Yellow', fr: 'Jaune', es: 'Amarilla', ar: 'صفراء' },
  blue: { en: 'Blue', fr: 'Bleue', es: 'Azul', ar: 'زرقاء' },
  black: { en: 'Black', fr: 'Noire', es: 'Negra', ar: 'سوداء' },
  green: { en: 'Green', fr: 'Verte', es: 'Verde', ar: 'خضراء' },
  orange: { en: 'Orange', fr: 'Orange', es: 'Naranja', ar: 'برتقالية' },
  purple: { en: 'Purple', fr: 'Mauve', es: 'Morada', ar: 'بنفسجية' },
  silver: { en: 'Silver', fr: 'Argent', es: 'Plateada', ar: 'فضية' },
  un: {
    en: 'UN Security Council',
    fr: 'ONU–Conseil de sécurité',
    es: 'ONU–Consejo de Seguridad',
    ar: 'مجلس الأمن',
  },
};

export const STATUS_NAMES: Record<NoticeStatus, Translations> = {
  draft: { en: 'Draft', fr: 'Brouillon', es: 'Borrador', ar: 'مسودة' },
  approved: { en: 'Approved', fr: 'Approuvée', es: 'Aprobada', ar: 'معتمدة' },
  submitted: { en: 'Submitted', fr: 'Soumise', es: 'Presentada', ar: 'مقدَّمة' },
  under_review: { en: 'Under review', fr: "En cours d'examen", es: 'En revisión', ar: 'قيد المراجعة' },
  info_requested: {
    en: 'Information requested',
    fr: 'Informations demandées',
    es: 'Información solicitada',
    ar: 'طُلبت معلومات إضافية',
  },
  refused: { en: 'Refused', fr: 'Refusée', es: 'Denegada', ar: 'مرفوضة' },
  published: { en: 'Published', fr: 'Publiée', es: 'Publicada', ar: 'منشورة' },
  cancelled: { en: 'Cancelled', fr: 'Annulée', es: 'Cancelada', ar: 'ملغاة' },
  withdrawn: { en: 'Withdrawn', fr: 'Retirée', es: 'Retirada', ar: 'مسحوبة' },
  expired: { en: 'Expired', fr: 'Expirée', es: 'Vencida', ar: 'منتهية الصلاحية' },
};

export const LABELS = {
  diffusion: { en: 'Diffusion', fr: 'Diffusion', es: 'Difusión', ar: 'تعميم' },
  type: { en: 'Type', fr: 'Type', es: 'Tipo', ar: 'النوع' },
  controlNumber: {
    en: 'Control number',
    fr: 'Numéro de contrôle',
    es: 'Número de control',
    ar: 'رقم المراقبة',
  },
  notPublished: { en: 'NOT PUBLISHED', fr: 'NON PUBLIÉE', es: 'NO PUBLICADA', ar: 'غير منشورة' },
  status: { en: 'Status', fr: 'Statut', es: 'Estado', ar: 'الحالة' },
  // identity
  identity: { en: 'Identity', fr: 'Identité', es: 'Identidad', ar: 'الهوية' },
  familyName: { en: 'Family name', fr: 'Nom', es: 'Apellidos', ar: 'اسم العائلة' },
  forenames: { en: 'Forenames', fr: 'Prénoms', es: 'Nombre', ar: 'الأسماء الأولى' },
  nameOriginalScript: {
    en: 'Name in original script',
    fr: "Nom dans l'écriture d'origine",
    es: 'Nombre en escritura original',
    ar: 'الاسم بالكتابة الأصلية',
  },
  aliases: {
    en: 'Other names used',
    fr: 'Autres noms utilisés',
    es: 'Otros nombres utilizados',
    ar: 'أسماء أخرى مستخدمة',
  },
  sex: { en: 'Sex', fr: 'Sexe', es: 'Sexo', ar: 'الجنس' },
  dateOfBirth: {
    en: 'Date of birth',
    fr: 'Date de naissance',
    es: 'Fecha de nacimiento',
    ar: 'تاريخ الميلاد',
  },
  placeOfBirth: {
    en: 'Place of birth',
    fr: 'Lieu de naissance',
    es: 'Lugar de nacimiento',
    ar: 'مكان الميلاد',
  },
  nationalities: { en: 'Nationality', fr: 'Nationalité', es: 'Nacionalidad', ar: 'الجنسية' },
  height: { en: 'Height (cm)', fr: 'Taille (cm)', es: 'Estatura (cm)', ar: 'الطول (سم)' },
  weight: { en: 'Weight (kg)', fr: 'Poids (kg)', es: 'Peso (kg)', ar: 'الوزن (كغ)' },
  eyes: { en: 'Eye colour', fr: 'Couleur des yeux', es: 'Color de ojos', ar: 'لون العينين' },
  hair: { en: 'Hair colour', fr: 'Couleur des cheveux', es: 'Color del cabello', ar: 'لون الشعر' },
  marks: {
    en: 'Distinguishing marks',
    fr: 'Signes particuliers',
    es: 'Señas particulares',
    ar: 'علامات مميزة',
  },
  languages: { en: 'Languages spoken', fr: 'Langues parlées', es: 'Idiomas hablados', ar: 'اللغات المحكية' },
  fingerprints: {
    en: 'Fingerprints available',
    fr: 'Empreintes digitales disponibles',
    es: 'Huellas dactilares disponibles',
    ar: 'البصمات متوفرة',
  },
  dna: {
    en: 'DNA profile available',
    fr: 'Profil ADN disponible',
    es: 'Perfil de ADN disponible',
    ar: 'سمات الحمض النووي متوفرة',
  },
  identityDocuments: {
    en: 'Identity documents',
    fr: "Documents d'identité",
    es: 'Documentos de identidad',
    ar: 'وثائق الهوية',
  },
  refugeeGrantedBy: {
    en: 'Refugee status granted by',
    fr: 'Statut de réfugié accordé par',
    es: 'Estatuto de refugiado concedido por',
    ar: 'صفة اللاجئ ممنوحة من',
  },
  refugeePersecution: {
    en: 'Country of feared persecution',
    fr: 'Pays de persécution redoutée',
    es: 'País de persecución temida',
    ar: 'بلد الاضطهاد المخشي',
  },
  // red: warrant
  warrant: {
    en: 'Arrest warrant or judgment',
    fr: "Mandat d'arrêt ou jugement",
    es: 'Orden de detención o sentencia',
    ar: 'مذكرة التوقيف أو الحكم',
  },
  soughtFor: { en: 'Sought for', fr: 'Recherché(e) pour', es: 'Buscado/a para', ar: 'مطلوب من أجل' },
  reference: { en: 'Reference', fr: 'Référence', es: 'Referencia', ar: 'المرجع' },
  date: { en: 'Date', fr: 'Date', es: 'Fecha', ar: 'التاريخ' },
  place: { en: 'Place', fr: 'Lieu', es: 'Lugar', ar: 'المكان' },
  issuingAuthority: {
    en: 'Issuing authority',
    fr: 'Autorité émettrice',
    es: 'Autoridad emisora',
    ar: 'الجهة المصدرة',
  },
  issuingCountry: { en: 'Issuing country', fr: 'Pays émetteur', es: 'País emisor', ar: 'البلد المصدر' },
  maxPenalty: {
    en: 'Maximum penalty (months)',
    fr: 'Peine maximale (mois)',
    es: 'Pena máxima (meses)',
    ar: 'العقوبة القصوى (بالأشهر)',
  },
  sentenceImposed: {
    en: 'Sentence imposed (months)',
    fr: 'Peine prononcée (mois)',
    es: 'Condena impuesta (meses)',
    ar: 'العقوبة المحكوم بها (بالأشهر)',
  },
  sentenceRemaining: {
    en: 'Sentence remaining (months)',
    fr: 'Reste de la peine (mois)',
    es: 'Condena pendiente (meses)',
    ar: 'المتبقي من العقوبة (بالأشهر)',
  },
  // charges
  charges: { en: 'Charges', fr: "Chefs d'accusation", es: 'Cargos', ar: 'التهم' },
  offencesConcerned: {
    en: 'Offences concerned',
    fr: 'Infractions concernées',
    es: 'Delitos de que se trata',
    ar: 'الجرائم المعنية',
  },
  offencesCommitted: {
    en: 'Offences committed',
    fr: 'Infractions commises',
    es: 'Delitos cometidos',
    ar: 'الجرائم المرتكبة',
  },
  charge: { en: 'Charge', fr: 'Chef', es: 'Cargo', ar: 'التهمة' },
  offence: { en: 'Offence', fr: 'Infraction', es: 'Delito', ar: 'الجريمة' },
  facts: { en: 'Summary of facts', fr: 'Résumé des faits', es: 'Resumen de los hechos', ar: 'ملخص الوقائع' },
  // yellow
  disappearance: { en: 'Disappearance', fr: 'Disparition', es: 'Desaparición', ar: 'الاختفاء' },
  case: { en: 'Case', fr: 'Cas', es: 'Caso', ar: 'نوع الحالة' },
  disappearanceDate: {
    en: 'Date of disappearance',
    fr: 'Date de la disparition',
    es: 'Fecha de la desaparición',
    ar: 'تاريخ الاختفاء',
  },
  disappearancePlace: {
    en: 'Place of disappearance',
    fr: 'Lieu de la disparition',
    es: 'Lugar de la desaparición',
    ar: 'مكان الاختفاء',
  },
  circumstances: { en: 'Circumstances', fr: 'Circonstances', es: 'Circunstancias', ar: 'الملابسات' },
  // blue
  informationSought: {
    en: 'Information sought',
    fr: 'Informations recherchées',
    es: 'Información solicitada',
    ar: 'المعلومات المطلوبة',
  },
  // black
  body: {
    en: 'Unidentified body',
    fr: 'Cadavre non identifié',
    es: 'Cadáver no identificado',
    ar: 'جثة مجهولة الهوية',
  },
  foundDate: { en: 'Date found', fr: 'Date de la découverte', es: 'Fecha del hallazgo', ar: 'تاريخ العثور' },
  foundPlace: { en: 'Place found', fr: 'Lieu de la découverte', es: 'Lugar del hallazgo', ar: 'مكان العثور' },
  estimatedAge: { en: 'Estimated age', fr: 'Âge estimé', es: 'Edad estimada', ar: 'العمر التقديري' },
  description: { en: 'Description', fr: 'Description', es: 'Descripción', ar: 'الوصف' },
  causeOfDeath: { en: 'Cause of death', fr: 'Cause du décès', es: 'Causa de la muerte', ar: 'سبب الوفاة' },
  // green
  riskAssessment: {
    en: 'Why the person is considered a threat',
    fr: 'Pourquoi la personne est considérée comme une menace',
    es: 'Por qué se considera que la persona es una amenaza',
    ar: 'أسباب اعتبار الشخص تهديدًا',
  },
  // orange
  threat: { en: 'Threat', fr: 'Menace', es: 'Amenaza', ar: 'التهديد' },
  threatFrom: { en: 'Threat from', fr: 'Menace émanant de', es: 'Amenaza procedente de', ar: 'مصدر التهديد' },
  imminence: { en: 'Imminence', fr: 'Imminence', es: 'Inminencia', ar: 'درجة الإلحاح' },
  validUntil: { en: 'Valid until', fr: "Valable jusqu'au", es: 'Válida hasta', ar: 'صالح حتى' },
  // purple
  modusOperandi: {
    en: 'Modus operandi',
    fr: 'Mode opératoire',
    es: 'Modus operandi',
    ar: 'أسلوب العمل الإجرامي',
  },
  objects: {
    en: 'Objects and devices',
    fr: 'Objets et dispositifs',
    es: 'Objetos y dispositivos',
    ar: 'الأشياء والأجهزة',
  },
  concealment: {
    en: 'Concealment methods',
    fr: 'Méthodes de dissimulation',
    es: 'Métodos de ocultación',
    ar: 'أساليب الإخفاء',
  },
  countriesConcerned: {
    en: 'Countries concerned',
    fr: 'Pays concernés',
    es: 'Países afectados',
    ar: 'البلدان المعنية',
  },
  // silver
  assets: { en: 'Assets', fr: 'Avoirs', es: 'Activos', ar: 'الأصول' },
  assetsSought: {
    en: 'Assets sought',
    fr: 'Avoirs recherchés',
    es: 'Activos buscados',
    ar: 'الأصول المطلوبة',
  },
  assetsOffence: {
    en: 'Offence the assets derive from',
    fr: 'Infraction dont proviennent les avoirs',
    es: 'Delito del que proceden los activos',
    ar: 'الجريمة التي تتأتى منها الأصول',
  },
  estimatedValue: {
    en: 'Estimated value',
    fr: 'Valeur estimée',
    es: 'Valor estimado',
    ar: 'القيمة التقديرية',
  },
  assetCountries: {
    en: 'Countries where assets may be',
    fr: 'Pays où pourraient se trouver les avoirs',
    es: 'Países donde pueden estar los activos',
    ar: 'البلدان التي قد توجد فيها الأصول',
  },
  // un
  sanctions: { en: 'Sanctions', fr: 'Sanctions', es: 'Sanciones', ar: 'الجزاءات' },
  committee: {
    en: 'Sanctions committee',
    fr: 'Comité des sanctions',
    es: 'Comité de sanciones',
    ar: 'لجنة الجزاءات',
  },
  unReference: {
    en: 'UN reference',
    fr: 'Référence ONU',
    es: 'Referencia de la ONU',
    ar: 'مرجع الأمم المتحدة',
  },
  measures: { en: 'Measures', fr: 'Mesures', es: 'Medidas', ar: 'التدابير' },
  listedOn: { en: 'Listed on', fr: 'Inscrit le', es: 'Incluido en la lista el', ar: 'تاريخ الإدراج' },
  narrative: {
    en: 'Narrative summary',
    fr: 'Résumé des motifs',
    es: 'Resumen narrativo',
    ar: 'موجز الأسباب',
  },
  // common
  summary: { en: 'Summary', fr: 'Résumé', es: 'Resumen', ar: 'الملخص' },
  actionRequested: {
    en: 'Action requested',
    fr: 'Mesures demandées',
    es: 'Medidas solicitadas',
    ar: 'الإجراء المطلوب',
  },
  request: { en: 'Request', fr: 'Demande', es: 'Solicitud', ar: 'الطلب' },
  requestingBureau: {
    en: 'Requesting bureau',
    fr: 'Bureau requérant',
    es: 'Oficina solicitante',
    ar: 'المكتب الطالب',
  },
  publishedOn: { en: 'Published on', fr: 'Publiée le', es: 'Publicada el', ar: 'تاريخ النشر' },
  reviewDate: { en: 'Review date', fr: 'Date de réexamen', es: 'Fecha de revisión', ar: 'تاريخ المراجعة' },
  handling: { en: 'Handling', fr: 'Traitement', es: 'Tratamiento', ar: 'التداول' },
  footer: {
    en: 'Printed {printedAt} — Meridian — official use only',
    fr: 'Imprimé le {printedAt} — Meridian — usage officiel uniquement',
    es: 'Impreso el {printedAt} — Meridian — solo para uso oficial',
    ar: 'طُبع في {printedAt} — Meridian — للاستخدام الرسمي فقط',
  },
  page: {
    en: 'Page {n} of {total}',
    fr: 'Page {n} sur {total}',
    es: 'Página {n} de {total}',
    ar: 'الصفحة {n} من {total}',
  },
} satisfies Record<string, Translations>;

export type LabelKey = keyof typeof LABELS;

/** Values of the schema's enumerations, by field. Unknown values print as stored. */
export const ENUM_VALUES: Record<string, Record<string, Translations>> = {
  sex: {
    female: { en: 'Female', fr: 'Féminin', es: 'Femenino', ar: 'أنثى' },
    male: { en: 'Male', fr: 'Masculin', es: 'Masculino', ar: 'ذكر' },
    unknown: { en: 'Unknown', fr: 'Inconnu', es: 'Desconocido', ar: 'غير معروف' },
  },
  yesNo: {
    yes: { en: 'Yes', fr: 'Oui', es: 'Sí', ar: 'نعم' },
    no: { en: 'No', fr: 'Non', es: 'No', ar: 'لا' },
  },
  documentType: {
    passport: { en: 'Passport', fr: 'Passeport', es: 'Pasaporte', ar: 'جواز سفر' },
    identity_card: {
      en: 'Identity card',
      fr: "Carte d'identité",
      es: 'Documento de identidad',
      ar: 'بطاقة هوية',
    },
    visa: { en: 'Visa', fr: 'Visa', es: 'Visado', ar: 'تأشيرة' },
    residence_permit: {
      en: 'Residence permit',
      fr: 'Titre de séjour',
      es: 'Permiso de residencia',
      ar: 'تصريح إقامة',
    },
    travel_document: {
      en: 'Travel document',
      fr: 'Document de voyage',
      es: 'Documento de viaje',
      ar: 'وثيقة سفر',
    },
    other: { en: 'Other', fr: 'Autre', es: 'Otro', ar: 'أخرى' },
  },
  warrantBasis: {
    prosecution: { en: 'Prosecution', fr: 'Poursuites', es: 'Enjuiciamiento', ar: 'الملاحقة القضائية' },
    sentence: {
      en: 'To serve a sentence',
      fr: "Exécution d'une peine",
      es: 'Cumplimiento de una condena',
      ar: 'تنفيذ حكم',
    },
  },
  yellowCase: {
    missing: { en: 'Missing person', fr: 'Personne disparue', es: 'Persona desaparecida', ar: 'شخص مفقود' },
    unable_to_identify: {
      en: 'Person unable to identify themselves',
      fr: "Personne incapable de s'identifier",
      es: 'Persona incapaz de identificarse',
      ar: 'شخص غير قادر على التعريف بنفسه',
    },
  },
  threatKind: {
    person: { en: 'A person', fr: 'Une personne', es: 'Una persona', ar: 'شخص' },
    object: { en: 'An object', fr: 'Un objet', es: 'Un objeto', ar: 'شيء' },
    event: { en: 'An event', fr: 'Un événement', es: 'Un acontecimiento', ar: 'حدث' },
    process: { en: 'A process', fr: 'Un procédé', es: 'Un procedimiento', ar: 'عملية' },
  },
  imminence: {
    imminent: { en: 'Imminent', fr: 'Imminente', es: 'Inminente', ar: 'وشيك' },
    serious: { en: 'Serious', fr: 'Grave', es: 'Grave', ar: 'جسيم' },
  },
  handling: {
    official: { en: 'Official', fr: 'Officiel', es: 'Oficial', ar: 'رسمي' },
    restricted: { en: 'Restricted', fr: 'Restreint', es: 'Restringido', ar: 'مقيَّد' },
  },
};

function pick(lang: PdfLanguage, t: Translations): string {
  return (lang === 'en' ? undefined : t[lang]) ?? t.en;
}

/** A label in the language (English when missing), with `{name}` placeholders filled (each isolated). */
export function label(lang: PdfLanguage, key: LabelKey, vars: Record<string, string | number> = {}): string {
  return pick(lang, LABELS[key]).replace(/\{(\w+)\}/g, (m, name: string) =>
    name in vars ? isolate(String(vars[name])) : m,
  );
}

export function typeTitle(lang: PdfLanguage, type: NoticeType): string {
  return pick(lang, TYPE_TITLES[type]);
}

export function typeName(lang: PdfLanguage, type: NoticeType): string {
  return pick(lang, TYPE_NAMES[type]);
}

export function statusName(lang: PdfLanguage, status: NoticeStatus): string {
  return pick(lang, STATUS_NAMES[status]);
}

/** An enumerated value in the language; a value the table does not know prints as stored. */
export function enumValue(lang: PdfLanguage, group: string, value: string): string {
  const t = ENUM_VALUES[group]?.[value];
  return t ? pick(lang, t) : value;
}
