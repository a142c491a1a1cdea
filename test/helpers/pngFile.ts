import sharp from 'sharp'

/** A real PNG (a 2×2 square) as Payload's Local API takes an uploaded file. */
export const pngFile = async (name = 'square.png') => {
  const data = await sharp({
    create: { width: 2, height: 2, channels: 3, background: { r: 0, g: 102, b: 153 } },
  })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}
