// English: the complaint form (/lapor). Exactly the keys of ./id.ts.
import type { Translation } from '../areas';
import type { messages as id } from './id';

export const messages: Translation<typeof id> = {
  'report.nav': 'File a complaint',
  'report.cta': 'File a complaint now',
  'report.pageTitle': 'File a complaint · NTB Care',
  'report.heading': 'File a complaint',
  'report.intro':
    'Tell us what the problem is and where it is, and add photos if you have any. It takes about a minute. What you type is kept on this device until the complaint is sent.',
  'report.optional': '(optional)',

  'report.restored.text': 'What you typed earlier and did not send has been restored from this device.',
  'report.restored.startOver': 'Start over',
  'report.restored.confirm': 'Clear everything and start over?',
  'report.restored.expiredPhotos':
    '{n} photo(s) uploaded more than a day ago are no longer kept on the server. Add them again if needed.',

  'report.section.what': '1. What is the problem?',
  'report.section.where': '2. Where?',
  'report.section.photos': '3. Photos',
  'report.section.who': '4. About you',

  'report.category.label': 'Category',
  'report.category.loading': 'Loading categories…',
  'report.category.error': 'The categories could not be loaded.',
  'report.title.label': 'Complaint title',
  'report.title.hint': 'Short and clear, for example: Potholes in front of SDN 1 Gerung.',
  'report.description.label': 'Description of the problem',
  'report.description.hint':
    'Say what happened, since when, and who is affected. Do not write other people’s personal data.',
  'report.count': '{count} of {max} characters',
  'report.count.over': '{over} characters too many (at most {max})',

  'report.place.label': 'Area',
  'report.place.hint': 'Choose the regency or city, the district, then the village where the problem is.',
  'report.location.label': 'Location pin',
  'report.location.hint':
    'If you are at the place of the problem now, mark it with your phone’s GPS so staff can find it easily.',
  'report.location.use': 'Use my location',
  'report.location.update': 'Update location',
  'report.location.clear': 'Remove the pin',
  'report.location.locating': 'Finding your location…',
  'report.location.value': 'Pin: {lat}, {lng}',
  'report.location.accuracy': '(accuracy ± {metres} m)',
  'report.location.map': 'See it on a map (OpenStreetMap)',
  'report.location.unsupported': 'This device cannot tell its location. The area you chose is enough.',
  'report.location.denied':
    'Location permission was refused. You can allow it in the browser settings, or continue without a pin.',
  'report.location.unavailable': 'Your location could not be found. Try again in the open.',
  'report.location.timeout': 'Finding your location took too long. Try again.',
  'report.location.outside':
    'Your location ({where}) is outside NTB, so it was not used. Mark a pin only when you are at the place of the problem.',
  'report.address.label': 'Address or landmark',
  'report.address.hint': 'For example: Jl. Sriwijaya No. 10, in front of the mosque.',

  'report.photos.label': 'Photos',
  'report.photos.hint':
    'At most {max} photos. Photos are made smaller before sending to save data, and the location data inside the photo file is removed.',
  'report.photos.camera': 'Take a photo',
  'report.photos.gallery': 'Choose from gallery',
  'report.photos.full': '{max} photos, the most allowed.',
  'report.photo.name': 'Photo {n}',
  'report.photo.preview': 'Preview of {name}',
  'report.photo.processing': '{name}: preparing…',
  'report.photo.uploading': '{name}: uploading {percent}%',
  'report.photo.done': '{name} uploaded.',
  'report.photo.retry': 'Try again',
  'report.photo.remove': 'Remove',
  'report.photo.notImage': '“{name}” is not a photo. Choose an image file (JPG, PNG or WebP).',
  'report.photo.tooMany': 'At most {max} photos: {skipped} photo(s) were not added.',
  'report.photo.unreadable': 'This photo cannot be read. Remove it and try another one.',
  'report.photo.tooLarge': 'This photo is too large to send.',
  'report.photo.unsupported': 'This kind of file is not accepted. Use JPG, PNG or WebP.',
  'report.photo.refused': 'This photo can no longer be used. Remove it, then add it again.',
  'report.photo.announce.done': 'Photo {n} uploaded.',
  'report.photo.announce.failed': 'Photo {n} failed to upload.',
  'report.photo.announce.removed': 'Photo {n} removed.',

  'report.contact.hint':
    'All personal details are optional. Give a phone number or email if you are willing to be contacted by staff. They are never shown to the public.',
  'report.name.label': 'Name',
  'report.phone.label': 'Mobile number',
  'report.phone.hint': 'For example: 0812 3456 7890',
  'report.email.label': 'Email',
  'report.privacy.label': 'Privacy choices',
  'report.anonymous.label': 'Anonymous: hide my name',
  'report.anonymous.hint':
    'Your name can be seen only by the Diskominfotik screening staff (moderators), not by the agency or the public.',
  'report.confidential.label': 'Confidential: do not show this complaint to the public',
  'report.confidential.hint':
    'The complaint is not published: it does not appear in the public list of complaints. Only the staff handling it and you can read it.',

  'report.summary.title': 'The complaint cannot be sent yet. Please check:',
  'report.error.category.required': 'Choose a category.',
  'report.error.title.required': 'Write a title for the complaint.',
  'report.error.title.short': 'The title is too short: at least {min} characters.',
  'report.error.title.long': 'The title is too long: at most {max} characters.',
  'report.error.description.required': 'Describe the problem.',
  'report.error.description.short': 'The description is too short: at least {min} characters.',
  'report.error.description.long': 'The description is too long: at most {max} characters, {over} too many.',
  'report.error.regency.required': 'Choose a regency or city.',
  'report.error.district.required': 'Choose a district.',
  'report.error.village.required': 'Choose a village.',
  'report.error.address.long': 'The address is too long: at most {max} characters.',
  'report.error.name.long': 'The name is too long: at most {max} characters.',
  'report.error.phone.invalid': 'The mobile number is not valid: write 8 to 15 digits, for example 0812 3456 7890.',
  'report.error.email.invalid': 'The email address is not valid, for example: name@example.id.',
  'report.error.photos.failed': 'A photo failed to upload: try again or remove it.',
  'report.error.server': '{field} was refused by the server: {message}',
  'report.error.serverOther': 'Refused by the server: {message}',

  'report.submit.label': 'Send complaint',
  'report.submit.busy': 'Sending…',
  'report.submit.sending': 'Sending the complaint, please wait…',
  'report.submit.waiting': 'Waiting for the photos to finish uploading; the complaint is sent right after…',
  'report.submit.hint': 'Every complaint is first screened by Diskominfotik NTB before it is forwarded to an agency.',
  'report.submit.network':
    'The complaint was not sent: the server cannot be reached. What you typed is still kept on this device; send again when you have a signal.',
  'report.submit.server':
    'The complaint was not sent because of a server problem. What you typed is still kept; try sending again shortly.',
  'report.submit.rateLimited': 'Too many complaints from this device in a short time. Try sending again {wait}.',
  'report.submit.rejected': 'The server refused the complaint: {message}',
  'report.wait.seconds': 'in {n} seconds',
  'report.wait.minutes': 'in {n} minutes',
  'report.wait.later': 'in a little while',

  'report.success.title': 'Your complaint has been sent',
  'report.success.codeIntro': 'Your complaint code:',
  'report.success.linkTitle': 'Private tracking link',
  'report.success.warningStrong': 'Save this link now.',
  'report.success.warning':
    'This link is the only way to follow your complaint privately and to reply to staff. We cannot send it again. Do not share it with anyone you do not trust.',
  'report.success.linkLabel': 'Tracking link',
  'report.success.copy': 'Copy link',
  'report.success.share': 'Share',
  'report.success.shareTitle': 'NTB Care complaint {code}',
  'report.success.copied': 'The link has been copied.',
  'report.success.copyManually': 'The link could not be copied automatically. It is selected: copy it by hand.',
  'report.success.remembered': 'This complaint is also remembered on this device, in your list of complaints.',
  'report.success.open': 'Open the tracking page',
  'report.success.another': 'File another complaint',
};
