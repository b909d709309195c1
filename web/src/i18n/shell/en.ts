// English: the frame of every page, the home page, the region picker, places, failures and
// statuses. Exactly the keys of ./id.ts.
import type { Translation } from '../areas';
import type { messages as id } from './id';

export const messages: Translation<typeof id> = {
  'app.name': 'NTB Care',
  'app.tagline': 'Citizen complaints for West Nusa Tenggara',
  'title.home': 'NTB Care: citizen complaints in NTB',
  'title.notFound': 'Page not found · NTB Care',

  'layout.skip': 'Skip to main content',
  'layout.homeLink': 'NTB Care, go to the home page',
  'layout.nav': 'Main navigation',
  'nav.home': 'Home',
  'nav.categories': 'Categories',
  'nav.regions': 'Find a place',
  'lang.label': 'Language',
  'lang.id': 'Indonesia',
  'lang.en': 'English',
  'footer.about':
    'NTB Care is a service of the Provincial Government of West Nusa Tenggara, run by its Communications, Informatics and Statistics Office (Diskominfotik).',

  'home.title': 'Tell the government about problems with public services in NTB',
  'home.intro':
    'A damaged road, no water from the PDAM, slow service at a government office, or an undisciplined civil servant? With NTB Care, people in West Nusa Tenggara can complain directly to their regional government.',
  'home.how':
    'Every complaint is first screened by Diskominfotik NTB, then forwarded to the agency responsible for acting on it.',
  'home.categories.title': 'Complaint categories',
  'home.categories.intro': 'Complaints are grouped by the kind of problem.',
  'home.categories.loading': 'Loading categories…',
  'home.categories.error': 'The categories could not be loaded.',
  'home.categories.empty': 'There are no categories yet.',
  'home.regions.title': 'Find a place',
  'home.regions.intro':
    'Choose a regency or city, then a district, then a village to find your place.',
  'home.regions.chosen': 'The place you chose:',

  'picker.regency.label': 'Regency/City',
  'picker.regency.choose': 'Choose a regency or city',
  'picker.regency.loading': 'Loading regencies and cities…',
  'picker.regency.error': 'The regencies and cities could not be loaded.',
  'picker.district.label': 'District (kecamatan)',
  'picker.district.choose': 'Choose a district',
  'picker.district.waiting': 'Choose a regency or city first',
  'picker.district.loading': 'Loading districts…',
  'picker.district.error': 'The districts could not be loaded.',
  'picker.village.label': 'Village (desa/kelurahan)',
  'picker.village.choose': 'Choose a village',
  'picker.village.waiting': 'Choose a district first',
  'picker.village.loading': 'Loading villages…',
  'picker.village.error': 'The villages could not be loaded.',

  'place.district': 'Kecamatan {name}',
  'place.desa': 'Desa {name}',
  'place.kelurahan': 'Kelurahan {name}',

  'error.network': 'Cannot reach the server. Check your internet connection.',
  'error.notFound': 'Not found.',
  'error.rateLimited': 'Too many requests. Please wait a moment.',
  'error.server': 'Something went wrong on the server.',
  'error.retry': 'Try again',

  'notFound.title': 'Page not found',
  'notFound.body': 'The address you opened does not exist on NTB Care. Please check it.',
  'notFound.home': 'Back to the home page',

  'status.label': 'Status',
  'status.submitted': 'Received',
  'status.forwarded': 'Forwarded to an agency',
  'status.in_progress': 'Being handled',
  'status.resolved': 'Resolved',
  'status.closed': 'Closed',
  'status.rejected': 'Rejected',
  'status.duplicate': 'Duplicate',

  'track.nav': 'Track a complaint',
  'feed.nav': 'Public complaints',
  'stats.nav': 'Statistics',
  'staff.link': 'Staff sign-in',
  'apiDocs.link': 'API documentation',
};
