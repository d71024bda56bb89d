/*
 * Demo cards for a fictional counselling centre, shared by the stories and the
 * tests. German and English are written for this project; the Romanian,
 * Bulgarian and Arabic versions are drafts by a non-native writer, marked
 * `data-draft`, and need review by a native speaker (ideally a Sprachmittler*in
 * from the community) before any site uses them. The "Einfache Sprache"
 * versions have not been checked by a review group, so they are not called
 * Leichte Sprache (docs/content-guidelines.md).
 */
import { html, type TemplateResult } from 'lit';

export type DemoCard = 'free' | 'anonymous' | 'languages' | 'shower' | 'insurance' | 'phone' | 'evening';

const cards: Record<DemoCard, () => TemplateResult> = {
  free: () => html`<ww-pictogram-card pictogram="free-of-charge">
    <div lang="de"><h3>Kostenlos</h3><p>Die Beratung kostet kein Geld.</p></div>
    <div lang="de" data-variant="einfache-sprache"><h3>Kostenlos</h3><p>Die Beratung kostet kein Geld. Sie bezahlen nichts.</p></div>
    <div lang="en"><h3>Free of charge</h3><p>Counselling costs nothing.</p></div>
    <div lang="ro" data-draft><h3>Gratuit</h3><p>Consilierea nu costă nimic.</p></div>
    <div lang="bg" data-draft><h3>Безплатно</h3><p>Консултацията е безплатна.</p></div>
    <div lang="ar" data-draft><h3>مجانًا</h3><p>الاستشارة مجانية.</p></div>
  </ww-pictogram-card>`,
  anonymous: () => html`<ww-pictogram-card pictogram="anonymous">
    <div lang="de">
      <h3>Anonym</h3>
      <p>Sie müssen Ihren Namen nicht sagen.</p>
      <details><summary>Mehr dazu</summary><p>Für manche Anträge brauchen wir später Ihren Namen. Das besprechen wir vorher mit Ihnen.</p></details>
    </div>
    <div lang="de" data-variant="einfache-sprache">
      <h3>Anonym</h3>
      <p>Anonym heißt: Sie müssen Ihren Namen nicht sagen.</p>
      <details><summary>Mehr dazu</summary><p>Manchmal brauchen wir später Ihren Namen. Zum Beispiel für einen Antrag. Dann sprechen wir vorher mit Ihnen.</p></details>
    </div>
    <div lang="en">
      <h3>Anonymous</h3>
      <p>You do not have to tell us your name.</p>
      <details><summary>More about this</summary><p>For some applications we will need your name later. We talk about this with you first.</p></details>
    </div>
    <div lang="ro" data-draft>
      <h3>Anonim</h3>
      <p>Nu trebuie să ne spuneți numele.</p>
      <details><summary>Mai multe</summary><p>Pentru unele cereri vom avea nevoie mai târziu de numele dumneavoastră. Vorbim despre asta cu dumneavoastră înainte.</p></details>
    </div>
    <div lang="bg" data-draft>
      <h3>Анонимно</h3>
      <p>Не е нужно да ни казвате името си.</p>
      <details><summary>Повече</summary><p>За някои заявления по-късно ще ни трябва името Ви. Ще говорим с Вас за това предварително.</p></details>
    </div>
    <div lang="ar" data-draft>
      <h3>دون ذكر الاسم</h3>
      <p>لا يلزمك أن تخبرنا باسمك.</p>
      <details><summary>المزيد</summary><p>لبعض الطلبات سنحتاج إلى اسمك لاحقًا. سنتحدث معك عن ذلك أولًا.</p></details>
    </div>
  </ww-pictogram-card>`,
  languages: () => html`<ww-pictogram-card pictogram="languages">
    <div lang="de"><h3>Wir sprechen Rumänisch und Bulgarisch</h3><p>Beratung in Ihrer Sprache. Bei anderen Sprachen hilft eine Sprachmittlerin.</p></div>
    <div lang="en"><h3>We speak Romanian and Bulgarian</h3><p>Counselling in your language. For other languages, an interpreter helps.</p></div>
    <div lang="ro" data-draft><h3>Vorbim română și bulgară</h3><p>Consiliere în limba dumneavoastră. Pentru alte limbi vă ajută un interpret.</p></div>
    <div lang="bg" data-draft><h3>Говорим румънски и български</h3><p>Консултации на Вашия език. За други езици помага преводач.</p></div>
    <div lang="ar" data-draft><h3>نتحدث الرومانية والبلغارية</h3><p>استشارة بلغتك. للغات الأخرى يساعدك مترجم.</p></div>
  </ww-pictogram-card>`,
  shower: () => html`<ww-pictogram-card pictogram="shower">
    <div lang="de"><h3>Duschen und Wäsche waschen</h3><p>Im Café können Sie duschen und Ihre Wäsche waschen.</p></div>
    <div lang="en"><h3>Shower and laundry</h3><p>At the café you can take a shower and wash your clothes.</p></div>
    <div lang="ro" data-draft><h3>Duș și spălătorie</h3><p>La cafenea puteți face duș și vă puteți spăla hainele.</p></div>
    <div lang="bg" data-draft><h3>Душ и пране</h3><p>В кафенето можете да се изкъпете и да изперете дрехите си.</p></div>
    <div lang="ar" data-draft><h3>الاستحمام وغسل الملابس</h3><p>في المقهى يمكنك الاستحمام وغسل ملابسك.</p></div>
  </ww-pictogram-card>`,
  // The link exists in German and English only: the other versions show the German one and say so.
  insurance: () => html`<ww-pictogram-card pictogram="health-insurance">
    <div lang="de">
      <h3>Hilfe bei der Krankenversicherung</h3>
      <p>Wir helfen Ihnen, eine Krankenversicherung zu bekommen. Auch wenn Sie Schulden bei einer Krankenkasse haben.</p>
      <a href="#kontakt">Termin vereinbaren</a>
    </div>
    <div lang="en">
      <h3>Help with health insurance</h3>
      <p>We help you get health insurance, also if you owe money to a health insurer.</p>
      <a href="#kontakt">Make an appointment</a>
    </div>
    <div lang="ro" data-draft>
      <h3>Ajutor cu asigurarea de sănătate</h3>
      <p>Vă ajutăm să obțineți o asigurare de sănătate, și dacă aveți datorii la o casă de asigurări.</p>
    </div>
    <div lang="bg" data-draft>
      <h3>Помощ със здравната осигуровка</h3>
      <p>Помагаме Ви да получите здравна осигуровка, също и ако имате дългове към здравна каса.</p>
    </div>
    <div lang="ar" data-draft>
      <h3>المساعدة في التأمين الصحي</h3>
      <p>نساعدك في الحصول على تأمين صحي، حتى لو كانت عليك ديون لشركة تأمين صحي.</p>
    </div>
  </ww-pictogram-card>`,
  phone: () => html`<ww-pictogram-card pictogram="phone">
    <div lang="de"><h3>Telefon</h3><p>Rufen Sie uns an: <bdi>0800 0000000</bdi> (kostenlos, fiktive Nummer).</p></div>
    <div lang="en"><h3>Phone</h3><p>Call us: <bdi>0800 0000000</bdi> (free, fictional number).</p></div>
    <div lang="ro" data-draft><h3>Telefon</h3><p>Sunați-ne: <bdi>0800 0000000</bdi> (gratuit, număr fictiv).</p></div>
    <div lang="bg" data-draft><h3>Телефон</h3><p>Обадете ни се: <bdi>0800 0000000</bdi> (безплатно, измислен номер).</p></div>
    <div lang="ar" data-draft><h3>الهاتف</h3><p>اتصل بنا: <bdi dir="ltr">0800 0000000</bdi> (مجانًا، رقم وهمي).</p></div>
  </ww-pictogram-card>`,
  // Only German and English: a Romanian page shows German and says so.
  evening: () => html`<ww-pictogram-card pictogram="evening-night">
    <div lang="de"><h3>Auch abends</h3><p>Dienstag und Donnerstag bis 22 Uhr (fiktive Zeiten).</p></div>
    <div lang="en"><h3>Evenings too</h3><p>Tuesday and Thursday until 22:00 (fictional hours).</p></div>
  </ww-pictogram-card>`,
};

/** One demo card. */
export function demoCard(name: DemoCard): TemplateResult {
  return cards[name]();
}

/** Every demo card, in flyer order. */
export const demoCards: readonly DemoCard[] = ['free', 'anonymous', 'languages', 'shower', 'insurance', 'phone', 'evening'];
