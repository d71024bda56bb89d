// German public holidays (gesetzliche Feiertage) per Land, 1995-2100.
//
// Decisions (the tests compare every Land and year 2020-2040 with feiertagejs and list each deliberate
// difference):
// - Fronleichnam only where it is a holiday in the whole Land (BW, BY, HE, NW, RP, SL). The Catholic
//   communities of Sachsen (Sorbian area) and Thüringen (Eichsfeld) that also keep it are not modelled.
// - Mariä Himmelfahrt for SL and for BY as a whole. In Bavaria it is a holiday only in the predominantly
//   Catholic communities (about 1,700 of 2,056, among them Munich and Augsburg); counting it for the whole
//   Land matches feiertagejs and keeps a centre closed rather than promising an open door.
// - Augsburger Friedensfest (8 Aug) only with the subregion 'DE-BY-AUGSBURG'.
// - One-off holidays in Berlin: Tag der Befreiung 8 May 2020 and 8 May 2025 (75th and 80th anniversary
//   of the end of the war). A further one-off on 17 June 2028 (1953 uprising) was announced in 2024;
//   add a row once its enactment is confirmed.
// - Reformationstag 2017 (500th anniversary) was a holiday in every Land.
// - Ostersonntag and Pfingstsonntag are listed for BB only (Hessen's law names them too, but they are
//   Sundays anyway and feiertagejs omits them there).
// - Buß- und Bettag: only SN since 1995 (abolished elsewhere to fund the care insurance).

export interface Holiday {
  /** Stable key, e.g. 'corpus-christi'. */
  id: string;
  /** YYYY-MM-DD */
  date: string;
  name: { de: string; en: string };
}

export const regions: readonly string[] = 'BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH'
  .split(' ')
  .map((r) => 'DE-' + r);

// "de|en|date|where" rows. date: M.D, E±n (days after Easter Sunday) or B (Buß- und Bettag).
// where: empty for all Länder, else codes with an optional first year (TH2019) or single year
// (BE=2020); DE is every Land, AU the Augsburg subregion. The id is the English name in kebab case.
const HOLIDAY_TABLE =
  "Neujahr|New Year's Day|1.1;Heilige Drei Könige|Epiphany|1.6|BW BY ST;Internationaler Frauentag|Women's Day|3.8|BE2019 MV2023;" +
  "Karfreitag|Good Friday|E-2;Ostersonntag|Easter Sunday|E0|BB;Ostermontag|Easter Monday|E1;Tag der Arbeit|Labour Day|5.1;" +
  'Tag der Befreiung|Liberation Day|5.8|BE=2020 BE=2025;Christi Himmelfahrt|Ascension Day|E39;Pfingstsonntag|Whit Sunday|E49|BB;' +
  'Pfingstmontag|Whit Monday|E50;Fronleichnam|Corpus Christi|E60|BW BY HE NW RP SL;' +
  'Augsburger Friedensfest|Augsburg Peace Festival|8.8|AU;Mariä Himmelfahrt|Assumption Day|8.15|BY SL;' +
  "Weltkindertag|Children's Day|9.20|TH2019;Tag der Deutschen Einheit|German Unity Day|10.3;" +
  'Reformationstag|Reformation Day|10.31|BB MV SN ST TH HB2018 HH2018 NI2018 SH2018 DE=2017;' +
  "Allerheiligen|All Saints' Day|11.1|BW BY NW RP SL;Buß- und Bettag|Repentance Day|B|SN;" +
  '1. Weihnachtstag|Christmas Day|12.25;2. Weihnachtstag|Boxing Day|12.26';

const DAY_MS = 864e5;

/** The UTC day number (days since 1970-01-01) of a date. */
const dayNumber = (year: number, monthIndex: number, dayOfMonth: number): number => Date.UTC(year, monthIndex, dayOfMonth) / DAY_MS;

/**
 * Easter Sunday as a UTC day number: Gauss's Easter formula for the Gregorian calendar with the
 * constants of 1900-2099 (M = 24, N = 5; N = 6 in 2100) and its two exceptions. Checked against the
 * Meeus/Jones/Butcher computus for every year 1995-2100.
 */
const easterSunday = (year: number): number => {
  const a = year % 19;
  const d = (19 * a + 24) % 30;
  const e = (2 * (year % 4) + 4 * (year % 7) + 6 * d + (year > 2099 ? 6 : 5)) % 7;
  const isException = e > 5 && d + (a > 10 ? 1 : 0) > 28;
  return dayNumber(year, 2, 22 + d + e - (isException ? 7 : 0));
};

/** The day number of a row's date: M.D, E±n or B. */
const dayOfRow = (year: number, date: string): number => {
  if (date === 'B') {
    // Buß- und Bettag: the Wednesday before 23 November (day 0 was a Thursday).
    const november22 = dayNumber(year, 10, 22);
    return november22 - ((november22 + 1) % 7);
  }
  if (date[0] === 'E') {
    return easterSunday(year) + +date.slice(1);
  }
  const [month, dayOfMonth] = date.split('.');
  return dayNumber(year, +month! - 1, +dayOfMonth!);
};

/** Whether a row's "where" codes (`BE2019`, `BE=2020`, `DE`…) include one of `codes` in `year`. */
const appliesIn = (where: string, codes: (string | undefined)[], year: number): boolean =>
  where.split(' ').some((code) => {
    if (!codes.includes(code.slice(0, 2))) {
      return false;
    }
    if (code[2] === '=') {
      return year === +code.slice(3);
    }
    return year >= +code.slice(2);
  });

/** YYYY-MM-DD of a UTC day number. */
export const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const holidayCache = new Map<string, Holiday[]>();

/** All public holidays of `year` in `region` ('DE-BE' …), sorted by date; the list is cached and shared. RangeError outside 1995-2100. */
export function holidaysOf(year: number, region: string, subregion?: string): readonly Holiday[] {
  const key = year + region + subregion;
  const cached = holidayCache.get(key);
  if (cached) {
    return cached;
  }
  const isKnownRegion = year > 1994 && year < 2101 && regions.includes(region);
  const isKnownSubregion = !subregion || subregion + region === 'DE-BY-AUGSBURGDE-BY';
  if (!isKnownRegion || !isKnownSubregion) {
    throw new RangeError(`no holidays for ${[year, region, subregion]}`);
  }
  const codes = ['DE', region.slice(3), subregion && 'AU'];
  const list: Holiday[] = [];
  for (const row of HOLIDAY_TABLE.split(';')) {
    const [de, en, date, where] = row.split('|') as [string, string, string, string?];
    if (!where || appliesIn(where, codes, year)) {
      const id = en.toLowerCase().replace(/'/g, '').replace(/\W+/g, '-');
      list.push({ id, date: isoDate(dayOfRow(year, date)), name: { de, en } });
    }
  }
  list.sort((a, b) => (a.date < b.date ? -1 : 1));
  holidayCache.set(key, list);
  return list;
}

/** The public holiday on `date` (YYYY-MM-DD) in `region`, if any. */
export function holidayOn(date: string, region: string, subregion?: string): Holiday | undefined {
  return holidaysOf(+date.slice(0, 4), region, subregion).find((holiday) => holiday.date === date);
}
