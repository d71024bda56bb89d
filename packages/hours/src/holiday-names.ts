import { msg } from '@lit/localize';
import type { Holiday } from './engine/holidays.js';

/**
 * A public holiday's name in the widget's language. The engine keeps only
 * German and English (for its own tests and the comparison with feiertagejs);
 * the names people read go through the message catalogue like every other text.
 */
export function holidayName(holiday: Holiday): string {
  switch (holiday.id) {
    case 'new-years-day':
      return msg('New Year\'s Day', { desc: 'A public holiday in Germany (1 January), shown after “Closed today”.' });
    case 'epiphany':
      return msg('Epiphany', { desc: 'A public holiday in Germany (6 January), shown after “Closed today”.' });
    case 'womens-day':
      return msg('Women\'s Day', { desc: 'A public holiday in Germany (International Women\'s Day, 8 March), shown after “Closed today”.' });
    case 'good-friday':
      return msg('Good Friday', { desc: 'A public holiday in Germany (the Friday before Easter), shown after “Closed today”.' });
    case 'easter-sunday':
      return msg('Easter Sunday', { desc: 'A public holiday in Germany, shown after “Closed today”.' });
    case 'easter-monday':
      return msg('Easter Monday', { desc: 'A public holiday in Germany, shown after “Closed today”.' });
    case 'labour-day':
      return msg('Labour Day', { desc: 'A public holiday in Germany (1 May), shown after “Closed today”.' });
    case 'liberation-day':
      return msg('Liberation Day', { desc: 'A public holiday in Germany (8 May, end of the Second World War in Europe; Berlin, some years), shown after “Closed today”.' });
    case 'ascension-day':
      return msg('Ascension Day', { desc: 'A public holiday in Germany, shown after “Closed today”.' });
    case 'whit-sunday':
      return msg('Whit Sunday', { desc: 'A public holiday in Germany (Pentecost Sunday), shown after “Closed today”.' });
    case 'whit-monday':
      return msg('Whit Monday', { desc: 'A public holiday in Germany (Pentecost Monday), shown after “Closed today”.' });
    case 'corpus-christi':
      return msg('Corpus Christi', { desc: 'A public holiday in Germany, shown after “Closed today”.' });
    case 'augsburg-peace-festival':
      return msg('Augsburg Peace Festival', { desc: 'A public holiday in Germany (8 August, only in the city of Augsburg), shown after “Closed today”.' });
    case 'assumption-day':
      return msg('Assumption Day', { desc: 'A public holiday in Germany (15 August), shown after “Closed today”.' });
    case 'childrens-day':
      return msg('Children\'s Day', { desc: 'A public holiday in Germany (20 September, Thuringia), shown after “Closed today”.' });
    case 'german-unity-day':
      return msg('German Unity Day', { desc: 'A public holiday in Germany (3 October), shown after “Closed today”.' });
    case 'reformation-day':
      return msg('Reformation Day', { desc: 'A public holiday in Germany (31 October), shown after “Closed today”.' });
    case 'all-saints-day':
      return msg('All Saints\' Day', { desc: 'A public holiday in Germany (1 November), shown after “Closed today”.' });
    case 'repentance-day':
      return msg('Repentance Day', { desc: 'A public holiday in Germany (Buß- und Bettag, a Wednesday in November, Saxony), shown after “Closed today”.' });
    case 'christmas-day':
      return msg('Christmas Day', { desc: 'A public holiday in Germany (25 December), shown after “Closed today”.' });
    case 'boxing-day':
      return msg('Boxing Day', { desc: 'A public holiday in Germany (26 December, the second day of Christmas), shown after “Closed today”.' });
    default:
      return holiday.name.en;
  }
}
