const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  timeZoneName: 'longOffset',
})

/** The UTC instant of a wall-clock time in Europe/Berlin ("2023-06-15", "00:00"). */
export const berlinTime = (date: string, time = '00:00', seconds = '00'): string => {
  const probe = new Date(`${date}T12:00:00Z`)
  const name = offsetFormat.formatToParts(probe).find((part) => part.type === 'timeZoneName')
  const offset = name?.value.replace('GMT', '') || '+00:00'
  return new Date(`${date}T${time}:${seconds}${offset}`).toISOString()
}

export const startOfBerlinDay = (date: string): string => berlinTime(date, '00:00')
export const endOfBerlinDay = (date: string): string => berlinTime(date, '23:59', '59')
