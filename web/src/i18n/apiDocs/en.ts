// English: the API reference. Exactly the keys of ./id.ts.
import type { Translation } from '../areas';
import type { messages as id } from './id';

export const messages: Translation<typeof id> = {
  'apiDocs.pageTitle': 'API documentation · NTB Care',
  'apiDocs.title': 'API documentation',
  'apiDocs.intro':
    'Other apps can use NTB Care through the JSON API under /api. This page is read from the OpenAPI 3.1 document generated from the validation of every route, so it always matches the API.',
  'apiDocs.download': 'The OpenAPI document (JSON)',
  'apiDocs.loading': 'Loading the documentation…',
  'apiDocs.error': 'The documentation could not be loaded.',
  'apiDocs.version': 'Version {version}',
  'apiDocs.credentials': 'Credentials',
  'apiDocs.errorShape': 'The error shape',
  'apiDocs.errorShapeIntro': 'Every 4xx answer has the same shape; its status tells the class of error.',
  'apiDocs.access': 'Access',
  'apiDocs.access.public': 'public',
  'apiDocs.access.staffSession': 'staff session',
  'apiDocs.access.trackingToken': 'tracking token',
  'apiDocs.roles': 'roles: {roles}',
  'apiDocs.parameters': 'Parameters',
  'apiDocs.body': 'Request body',
  'apiDocs.responses': 'Responses',
  'apiDocs.required': 'required',
  'apiDocs.optional': 'optional',
  'apiDocs.closed': 'Other fields are refused.',
};
