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
const T =
  "Neujahr|New Year's Day|1.1;Heilige Drei Könige|Epiphany|1.6|BW BY ST;Internationaler Frauentag|Women's Day|3.8|BE2019 MV2023;" +
  "Karfreitag|Good Friday|E-2;Ostersonntag|Easter Sunday|E0|BB;Ostermontag|Easter Monday|E1;Tag der Arbeit|Labour Day|5.1;" +
  'Tag der Befreiung|Liberation Day|5.8|BE=2020 BE=2025;Christi Himmelfahrt|Ascension Day|E39;Pfingstsonntag|Whit Sunday|E49|BB;' +
  'Pfingstmontag|Whit Monday|E50;Fronleichnam|Corpus Christi|E60|BW BY HE NW RP SL;' +
  'Augsburger Friedensfest|Augsburg Peace Festival|8.8|AU;Mariä Himmelfahrt|Assumption Day|8.15|BY SL;' +
  "Weltkindertag|Children's Day|9.20|TH2019;Tag der Deutschen Einheit|German Unity Day|10.3;" +
  'Reformationstag|Reformation Day|10.31|BB MV SN ST TH HB2018 HH2018 NI2018 SH2018 DE=2017;' +
  "Allerheiligen|All Saints' Day|11.1|BW BY NW RP SL;Buß- und Bettag|Repentance Day|B|SN;" +
  '1. Weihnachtstag|Christmas Day|12.25;2. Weihnachtstag|Boxing Day|12.26';

/**
 * Easter Sunday as a UTC day number: Gauss's Easter formula for the Gregorian calendar with the
 * constants of 1900-2099 (M = 24, N = 5; N = 6 in 2100) and its two exceptions. Checked against the
 * Meeus/Jones/Butcher computus for every year 1995-2100.
 */
const easter = (y: number): number => {
  const a = y % 19, d = (19 * a + 24) % 30, e = (2 * (y % 4) + 4 * (y % 7) + 6 * d + (y > 2099 ? 6 : 5)) % 7;
  return Date.UTC(y, 2, 22 + d + e - (e > 5 && d + +(a > 10) > 28 ? 7 : 0)) / 864e5;
};

/** YYYY-MM-DD of a UTC day number. */
export const isoDate = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10);

const cache = new Map<string, Holiday[]>();

/** All public holidays of `year` in `region` ('DE-BE' …), sorted by date; the list is cached and shared. RangeError outside 1995-2100. */
export function holidaysOf(year: number, region: string, subregion?: string): readonly Holiday[] {
  const key = year + region + subregion;
  let list = cache.get(key);
  if (!list) {
    if (!(year > 1994 && year < 2101 && regions.includes(region)) || (subregion && subregion + region != 'DE-BY-AUGSBURGDE-BY'))
      throw new RangeError(`no holidays for ${[year, region, subregion]}`);
    const codes = ['DE', region.slice(3), subregion && 'AU'];
    cache.set(key, (list = []));
    for (const row of T.split(';')) {
      const [de, en, at, where] = row.split('|') as [string, string, string, string?], [m, d] = at.split('.'), b = Date.UTC(year, 10, 22) / 864e5,
        // Buß- und Bettag: the Wednesday before 23 November (day 0 was a Thursday).
        day = at == 'B' ? b - ((b + 1) % 7) : at[0] == 'E' ? easter(year) + +at.slice(1) : Date.UTC(year, +m - 1, +d!) / 864e5;
      if (!where || where.split(' ').some((x) => codes.includes(x.slice(0, 2)) && (x[2] == '=' ? year == +x.slice(3) : year >= +x.slice(2))))
        list.push({ id: en.toLowerCase().replace(/'/g, '').replace(/\W+/g, '-'), date: isoDate(day), name: { de, en } });
    }
    list.sort((a, b) => (a.date < b.date ? -1 : 1));
  }
  return list;
}

/** The public holiday on `date` (YYYY-MM-DD) in `region`, if any. */
export function holidayOn(date: string, region: string, subregion?: string): Holiday | undefined {
  return holidaysOf(+date.slice(0, 4), region, subregion).find((h) => h.date == date);
}
