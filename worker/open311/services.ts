// Services: one per active complaint category. Each service's definition asks for what our
// complaint needs and GeoReport v2 lacks: the place in NTB's official numbering, a title,
// and the reporter's privacy choices.
import type { CategoryInfo } from '../domain/api';
import type { RegionLevel } from '../domain/vocabulary';

export function service(category: CategoryInfo) {
  return {
    service_code: category.slug,
    service_name: category.name.id,
    description: [category.description.id, category.description.en].filter(Boolean).join(' / '),
    metadata: true,
    // We answer every POST with the complaint's code at once.
    type: 'realtime',
    keywords: `${category.name.en}, ${category.name.id}`,
    group: null,
  };
}

export interface Place {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

type ListedLevel = 'regency' | 'district' | 'village';

export interface AttributeSpec {
  code: string;
  datatype: 'string' | 'singlevaluelist';
  required: boolean;
  description: string;
  datatype_description: string | null;
  /** Where a list's values come from. */
  values?: ListedLevel | 'yesNo';
}

/** The attributes of every service, in the order a form shows them. */
export const attributeSpecs: readonly AttributeSpec[] = [
  {
    code: 'regency',
    datatype: 'singlevaluelist',
    required: false,
    values: 'regency',
    description: 'Kabupaten/kota tempat masalah / The regency or city where the problem is',
    datatype_description: 'Kode resmi; boleh dikosongkan, karena desa sudah menentukannya. / Official code; may be left out, as the village decides it.',
  },
  {
    code: 'district',
    datatype: 'singlevaluelist',
    required: false,
    values: 'district',
    description: 'Kecamatan tempat masalah / The district where the problem is',
    datatype_description: 'Kode resmi, diawali kode kabupatennya; boleh dikosongkan. / Official code, starting with its regency’s; may be left out.',
  },
  {
    code: 'village',
    datatype: 'singlevaluelist',
    required: true,
    values: 'village',
    description: 'Desa/kelurahan tempat masalah / The village where the problem is',
    datatype_description: 'Kode resmi, diawali kode kecamatannya (52.71.01.1004). / Official code, starting with its district’s (52.71.01.1004).',
  },
  {
    code: 'title',
    datatype: 'string',
    required: false,
    description: 'Judul singkat pengaduan / A short title for the complaint',
    datatype_description: '5–150 karakter; tanpa judul, kalimat pertama deskripsi dipakai. / 5–150 characters; without one, the description’s first sentence is used.',
  },
  {
    code: 'anonymous',
    datatype: 'singlevaluelist',
    required: false,
    values: 'yesNo',
    description: 'Sembunyikan nama pelapor dari instansi; hanya moderator yang melihatnya / Hide the reporter’s name from the agency; only moderators see it',
    datatype_description: null,
  },
  {
    code: 'confidential',
    datatype: 'singlevaluelist',
    required: false,
    values: 'yesNo',
    description: 'Rahasiakan pengaduan: tidak tampil di daftar publik maupun di Open311, dan identitas pelapor hanya dilihat moderator, tidak oleh instansi / Keep the complaint confidential: not in the public feed nor in Open311, and the reporter’s identity seen only by moderators, not by the agency',
    datatype_description: null,
  },
];

const yesNo = [
  { key: 'false', name: 'Tidak / No' },
  { key: 'true', name: 'Ya / Yes' },
];

/** Each place named with its parents, since many villages share a name. */
function placeValues(places: Place[], level: ListedLevel) {
  const byCode = new Map(places.map((p) => [p.code, p]));
  const fullName = (p: Place): string => {
    const parent = p.parentCode ? byCode.get(p.parentCode) : undefined;
    return parent && parent.level !== 'province' ? `${p.name}, ${fullName(parent)}` : p.name;
  };
  return places.filter((p) => p.level === level).map((p) => ({ key: p.code, name: fullName(p) }));
}

export function serviceDefinition(serviceCode: string, places: Place[]) {
  return {
    service_code: serviceCode,
    attributes: attributeSpecs.map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: i + 1,
      description: a.description,
      ...(a.values ? { values: a.values === 'yesNo' ? yesNo : placeValues(places, a.values) } : {}),
    })),
  };
}
