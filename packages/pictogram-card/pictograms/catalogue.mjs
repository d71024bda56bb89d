// The pictogram set: one meaning per pictogram, for the topics of counselling
// for people in sex work who want to change jobs or leave (the practice guide's
// three pillars: money, housing, health; then residence, work and the ways to
// reach a counselling centre). prebuild.mjs turns each entry into a module in
// src/generated/pictograms/.
//
// source: `tabler:<name>` is an outline icon from @tabler/icons (MIT, 24 px
// grid, stroke 2, round caps); `own:<file>` is drawn for Wegweiser in the same
// grid, in pictograms/own/, only where Tabler has nothing that fits.
// label: the English name (the accessible name, one or two words, the meaning
// rather than the picture), translated in xliff/ like every interface string.
// keywords, keywordsDe: search words for the catalogue, comma-separated. They
// stay out of the message catalogue so that a German page with one card does
// not download every pictogram's search words.

/** @type {{ id: string; source: string; label: string; keywords: string; keywordsDe: string }[]} */
export const catalogue = [
  // Money
  { id: 'money', source: 'tabler:cash-banknote', label: 'Money and benefits', keywords: 'money, benefits, Bürgergeld, income, cash', keywordsDe: 'Geld, Sozialleistungen, Bürgergeld, Einkommen, Bargeld' },
  { id: 'bank-account', source: 'tabler:building-bank', label: 'Bank account', keywords: 'bank, account, basic account, Basiskonto, card', keywordsDe: 'Bank, Konto, Basiskonto, Girokonto, Karte' },
  { id: 'debt-advice', source: 'tabler:receipt-euro', label: 'Debt advice', keywords: 'debts, bills, arrears, Schulden', keywordsDe: 'Schulden, Rechnungen, Mahnung, Rückstände, Schuldnerberatung' },
  { id: 'budget', source: 'tabler:calculator', label: 'Budget plan', keywords: 'budget, plan, costs, money, calculate', keywordsDe: 'Haushaltsplan, Budget, Kosten, Geld, rechnen' },
  { id: 'free-of-charge', source: 'tabler:coin-off', label: 'Free of charge', keywords: 'free, no cost, kostenlos', keywordsDe: 'kostenlos, gratis, keine Kosten, ohne Geld' },
  // Housing
  { id: 'housing', source: 'tabler:home', label: 'Housing', keywords: 'home, flat, apartment, living, Wohnung', keywordsDe: 'Wohnen, Wohnung, Zuhause, Unterkunft' },
  { id: 'flat-search', source: 'tabler:home-search', label: 'Flat search', keywords: 'flat, apartment, search, rent, housing', keywordsDe: 'Wohnungssuche, Wohnung, suchen, Miete' },
  { id: 'shelter', source: 'tabler:bed', label: 'Place to sleep', keywords: 'shelter, bed, night, emergency accommodation, sleep', keywordsDe: 'Schlafplatz, Notunterkunft, Bett, Nacht, übernachten' },
  { id: 'postal-address', source: 'tabler:mailbox', label: 'Postal address', keywords: 'address, post, letters, registration, Meldeadresse', keywordsDe: 'Postadresse, Adresse, Post, Briefe, Meldeadresse' },
  // Health
  { id: 'health', source: 'tabler:heartbeat', label: 'Health', keywords: 'health, body, check-up, wellbeing', keywordsDe: 'Gesundheit, Körper, Vorsorge, Wohlbefinden' },
  { id: 'health-insurance', source: 'tabler:shield-heart', label: 'Health insurance', keywords: 'insurance, health insurance, Krankenversicherung, card, arrears', keywordsDe: 'Krankenversicherung, Versicherung, Krankenkasse, Karte, Beitragsschulden' },
  { id: 'doctor', source: 'tabler:stethoscope', label: 'Doctor', keywords: 'doctor, medical, practice, treatment, clinic', keywordsDe: 'Arzt, Ärztin, Praxis, Behandlung, medizinisch' },
  { id: 'psychological-support', source: 'tabler:brain', label: 'Psychological support', keywords: 'mind, feelings, stress, therapy, psychological, mental health', keywordsDe: 'Psyche, Gefühle, Stress, Therapie, psychologisch, seelische Gesundheit' },
  { id: 'addiction-help', source: 'tabler:pills', label: 'Addiction help', keywords: 'addiction, drugs, alcohol, substances, Sucht', keywordsDe: 'Sucht, Drogen, Alkohol, Suchtberatung' },
  { id: 'sexual-health', source: 'tabler:ribbon-health', label: 'Sexual health', keywords: 'condoms, STI, HIV, PrEP, protection, sexual health', keywordsDe: 'Kondome, STI, HIV, PrEP, Schutz, sexuelle Gesundheit' },
  { id: 'sti-test', source: 'tabler:test-pipe', label: 'STI test', keywords: 'test, STI, HIV, laboratory, check', keywordsDe: 'Test, STI, HIV, Labor, Untersuchung' },
  // Residence and rights
  { id: 'residence-documents', source: 'tabler:id', label: 'Residence and documents', keywords: 'residence, documents, papers, ID, permit, Aufenthalt', keywordsDe: 'Aufenthalt, Dokumente, Papiere, Ausweis, Aufenthaltstitel' },
  { id: 'legal-advice', source: 'tabler:scale', label: 'Legal advice', keywords: 'law, rights, lawyer, legal, Recht', keywordsDe: 'Recht, Rechte, Anwalt, Anwältin, Rechtsberatung' },
  { id: 'offices', source: 'tabler:building', label: 'Offices and authorities', keywords: 'office, authority, job centre, Amt, Behörde', keywordsDe: 'Amt, Behörde, Jobcenter, Ämter' },
  { id: 'accompaniment', source: 'tabler:friends', label: 'Accompaniment', keywords: 'accompany, go together, appointments, offices, Begleitung', keywordsDe: 'Begleitung, begleiten, Termine, Ämter, gemeinsam' },
  // Languages
  { id: 'languages', source: 'tabler:language', label: 'Languages', keywords: 'languages, we speak, mother tongue, translation', keywordsDe: 'Sprachen, wir sprechen, Muttersprache, Übersetzung' },
  { id: 'interpreter', source: 'tabler:message-language', label: 'Interpreter', keywords: 'interpreter, translate, language mediation, Dolmetscher', keywordsDe: 'Dolmetscher, Dolmetscherin, übersetzen, Sprachmittlung' },
  { id: 'sign-language', source: 'tabler:hand-move', label: 'Sign language', keywords: 'sign language, deaf, hands, Gebärdensprache', keywordsDe: 'Gebärdensprache, gehörlos, Hände, DGS' },
  // Work and learning
  { id: 'job', source: 'tabler:briefcase', label: 'Job', keywords: 'job, work, employment, career, Arbeit', keywordsDe: 'Arbeit, Job, Beruf, Stelle, Umstieg' },
  { id: 'training', source: 'tabler:school', label: 'Training', keywords: 'training, education, school, apprenticeship, Ausbildung', keywordsDe: 'Ausbildung, Weiterbildung, Schule, lernen' },
  { id: 'language-course', source: 'tabler:vocabulary', label: 'Language course', keywords: 'language course, German course, learn, Deutschkurs', keywordsDe: 'Sprachkurs, Deutschkurs, lernen, Integrationskurs' },
  { id: 'application', source: 'tabler:file-cv', label: 'Application', keywords: 'application, CV, résumé, apply, Bewerbung', keywordsDe: 'Bewerbung, Lebenslauf, bewerben' },
  { id: 'qualifications', source: 'tabler:file-certificate', label: 'Recognition of qualifications', keywords: 'certificate, diploma, recognition, qualification, Anerkennung', keywordsDe: 'Anerkennung, Zeugnis, Abschluss, Berufsabschluss' },
  { id: 'orientation', source: 'tabler:directions', label: 'Orientation', keywords: 'orientation, next steps, plan, way, direction', keywordsDe: 'Orientierung, nächste Schritte, Plan, Weg, Wegweiser' },
  { id: 'childcare', source: 'tabler:baby-carriage', label: 'Childcare', keywords: 'children, childcare, baby, Kita, family', keywordsDe: 'Kinder, Kinderbetreuung, Kita, Baby, Familie' },
  // How the counselling works
  { id: 'anonymous', source: 'tabler:spy', label: 'Anonymous', keywords: 'anonymous, no name, private, incognito', keywordsDe: 'anonym, ohne Namen, privat' },
  { id: 'confidential', source: 'tabler:lock', label: 'Confidential', keywords: 'confidential, privacy, secret, Schweigepflicht', keywordsDe: 'vertraulich, Schweigepflicht, Datenschutz, geheim' },
  { id: 'counselling', source: 'tabler:messages', label: 'Counselling', keywords: 'counselling, talk, conversation, advice, Beratung', keywordsDe: 'Beratung, Gespräch, reden, Rat' },
  { id: 'group-meeting', source: 'tabler:users-group', label: 'Group meeting', keywords: 'group, meeting, together, peers', keywordsDe: 'Gruppe, Treffen, gemeinsam, Austausch' },
  { id: 'peer-support', source: 'tabler:heart-handshake', label: 'Peer support', keywords: 'peer, support, solidarity, people who know the work', keywordsDe: 'Peer, Unterstützung, Solidarität, Menschen mit Erfahrung' },
  { id: 'safety', source: 'tabler:shield-check', label: 'Safety', keywords: 'safety, protection, safe, violence', keywordsDe: 'Sicherheit, Schutz, sicher, Gewalt' },
  { id: 'emergency', source: 'tabler:urgent', label: 'Emergency', keywords: 'emergency, urgent, help now, crisis, Notfall', keywordsDe: 'Notfall, dringend, sofort Hilfe, Krise' },
  { id: 'information', source: 'tabler:info-circle', label: 'Information', keywords: 'information, info, explanation, know', keywordsDe: 'Information, Info, Erklärung, wissen' },
  // Ways to reach us
  { id: 'phone', source: 'tabler:phone', label: 'Phone', keywords: 'phone, call, telephone, hotline, Telefon', keywordsDe: 'Telefon, anrufen, Hotline, Handy' },
  { id: 'chat', source: 'tabler:device-mobile-message', label: 'Chat', keywords: 'chat, online, messenger, mobile, message', keywordsDe: 'Chat, online, Messenger, Handy, Nachricht' },
  { id: 'email', source: 'tabler:mail', label: 'E-mail', keywords: 'e-mail, email, mail, write, letter', keywordsDe: 'E-Mail, Mail, schreiben, Brief' },
  { id: 'walk-in', source: 'tabler:door-enter', label: 'Walk-in', keywords: 'walk in, no appointment, open door, drop in, come by', keywordsDe: 'offene Sprechstunde, ohne Termin, vorbeikommen' },
  { id: 'appointment', source: 'tabler:calendar-event', label: 'Appointment', keywords: 'appointment, date, calendar, Termin', keywordsDe: 'Termin, Datum, Kalender, Verabredung' },
  { id: 'opening-hours', source: 'tabler:clock', label: 'Opening hours', keywords: 'hours, time, open, clock, when', keywordsDe: 'Öffnungszeiten, Zeit, geöffnet, Uhr, wann' },
  { id: 'evening-night', source: 'tabler:moon', label: 'Evenings and nights', keywords: 'evening, night, late, after work', keywordsDe: 'Abend, Nacht, spät, nach der Arbeit' },
  { id: 'location', source: 'tabler:map-pin', label: 'Location', keywords: 'address, place, map, where, location', keywordsDe: 'Adresse, Ort, Karte, wo, Standort' },
  { id: 'outreach', source: 'tabler:walk', label: 'Outreach', keywords: 'outreach, streetwork, we come to you, visit', keywordsDe: 'aufsuchende Arbeit, Streetwork, wir kommen zu Ihnen, Besuch' },
  { id: 'mobile-outreach', source: 'tabler:bus', label: 'Outreach bus', keywords: 'bus, van, mobile, outreach, streetwork', keywordsDe: 'Bus, Beratungsbus, mobil, Streetwork' },
  { id: 'step-free', source: 'tabler:wheelchair', label: 'Step-free access', keywords: 'wheelchair, step-free, accessible, barrier-free, ramp, lift', keywordsDe: 'Rollstuhl, stufenlos, barrierefrei, Rampe, Aufzug' },
  // Everyday needs at a drop-in centre
  { id: 'food', source: 'tabler:tools-kitchen-2', label: 'Food', keywords: 'food, meal, eat, lunch, kitchen', keywordsDe: 'Essen, Mahlzeit, Mittagessen, Küche' },
  { id: 'drinks-cafe', source: 'tabler:coffee', label: 'Café', keywords: 'coffee, tea, café, drinks, rest', keywordsDe: 'Kaffee, Tee, Café, Getränke, Pause' },
  { id: 'clothes', source: 'tabler:shirt', label: 'Clothes', keywords: 'clothes, clothing, shirt, clothes store', keywordsDe: 'Kleidung, Kleiderkammer, Hemd, Anziehsachen' },
  { id: 'shower', source: 'own:shower.svg', label: 'Shower', keywords: 'shower, wash, hygiene, bathroom', keywordsDe: 'Dusche, duschen, waschen, Hygiene, Bad' },
  { id: 'laundry', source: 'tabler:wash-machine', label: 'Laundry', keywords: 'laundry, washing machine, wash clothes', keywordsDe: 'Wäsche, Waschmaschine, waschen, Kleidung waschen' },
  { id: 'wifi', source: 'tabler:wifi', label: 'Wi-Fi', keywords: 'wifi, wlan, internet, online', keywordsDe: 'WLAN, Internet, online, WiFi' },
];
