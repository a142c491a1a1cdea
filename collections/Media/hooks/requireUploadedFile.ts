import { APIError, type CollectionBeforeOperationHook } from 'payload'

/**
 * URL uploads are off: an API caller creates an image by uploading the file with the request.
 * Payload would otherwise fetch the `url` stated in a create body (REST or GraphQL) on the
 * server, whatever `pasteURL` says; refusing here comes before that fetch. Duplicating copies
 * the stored file and stays allowed; the server's own writes (`overrideAccess`) are left alone.
 */
export const requireUploadedFile: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'create' || overrideAccess || req.file) return args
  if ((args as { duplicateFromID?: unknown }).duplicateFromID != null) return args
  throw new APIError(
    'Upload the image file with the request; images are never fetched from a URL (UPLOAD_FILE_REQUIRED).',
    400,
    { code: 'UPLOAD_FILE_REQUIRED' },
    true,
  )
}
