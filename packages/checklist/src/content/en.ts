import type { ChecklistContent } from './types.js';

// The English default set, written for this project from the facts of the
// Praxisleitfaden "Unterstützung des Umstiegs aus der Prostitution" (2024).
// German names of offices and benefits stay German: they are what people
// will read on letters and doors. Loaded on demand, only by English pages.
const content: ChecklistContent = {
  sections: [
    {
      id: 'money',
      title: 'Money and financial security',
      pillar: true,
      items: [
        {
          id: 'benefits',
          title: 'Find out which benefits you can get',
          text: 'You may be entitled to Bürgergeld (basic income support) or other benefits, for example on top of a first job. The Jobcenter decides. A counselling centre checks with you what is possible, helps with forms and papers, and can go with you to the office.',
          simpleTitle: 'Money from the state: what can you get?',
          simpleText: 'You may get money from the state. For example Bürgergeld. The Jobcenter decides. A counselling centre helps you apply. Someone can go to the office with you.',
        },
        {
          id: 'account',
          title: 'Open your own bank account',
          text: 'Every bank must offer a basic account (Basiskonto), also to people without a home address in Germany. Your own account makes you more independent: wages and benefits come straight to you. Ask which papers the bank wants to see. A counsellor can come with you.',
          simpleTitle: 'Your own bank account',
          simpleText: 'Every bank must give you a basic account. You do not need a flat in Germany for it. Then your money comes straight to you. A counsellor can go to the bank with you.',
        },
        {
          id: 'tax-id',
          title: 'Have your tax ID',
          text: 'For a job and for many forms you need your tax ID (Steuer-ID). It comes by post after you register an address. If the letter is lost, the tax office (Finanzamt) can send it again. The counselling centre helps.',
          simpleTitle: 'Your tax number',
          simpleText: 'For a job you need a tax number. It is called Steuer-ID. It comes by post. Is the letter lost? The tax office sends it again.',
        },
        {
          id: 'budget',
          title: 'Make a budget plan',
          text: 'Write down what comes in each month and what you must pay: rent, food, phone, tickets. Then you can see how the money lasts the whole month. A plan helps most when your income gets smaller. A counselling centre will gladly make one with you.',
          simpleTitle: 'A plan for your money',
          simpleText: 'Write down how much money you get each month. Write down what you need. For example rent, food and phone. Then your money lasts all month. A counsellor helps you.',
        },
        {
          id: 'debt',
          title: 'Sort out debts',
          text: 'If you have debts, debt advice (Schuldnerberatung) is free of charge. You get an overview and a plan, also for claims from health insurers or offices. The advice is confidential.',
          simpleTitle: 'Help with debts',
          simpleText: 'Do you have debts? There is debt advice. It is free of charge. They make a plan with you. The advice is confidential.',
        },
        {
          id: 'postal-address',
          title: 'Have a postal address',
          text: 'Offices, banks and employers send letters. If you have no fixed address, you can often use a counselling centre’s address for your post. Ask them.',
          simpleTitle: 'An address for your post',
          simpleText: 'Offices and banks send letters. You have no fixed address? Ask the counselling centre. Your letters can often go there.',
        },
        {
          id: 'emergency-funds',
          title: 'Find money for the time in between',
          text: 'Benefits or the first wages can take a while. Some cities have emergency funds, and some counselling centres have help in kind or tickets. If you get Bürgergeld, the Jobcenter can pay a start-up allowance (Einstiegsgeld) when you begin a job.',
          simpleTitle: 'Money for the first weeks',
          simpleText: 'Money from the office or your first wages often come late. Some cities have money for emergencies. Some counselling centres have tickets or other help. Ask for it.',
        },
      ],
    },
    {
      id: 'housing',
      title: 'Housing',
      pillar: true,
      items: [
        {
          id: 'shelter',
          title: 'Have a safe place to sleep for now',
          text: 'If you live where you work, changing jobs often means losing your room too. For the first time there are emergency shelters, homelessness services and sometimes short-term flats run by counselling centres. Ask what there is in your city.',
          simpleTitle: 'A safe place to sleep',
          simpleText: 'You need a place to sleep soon? There are emergency shelters. Some counselling centres have flats for a short time. Ask them.',
        },
        {
          id: 'registration',
          title: 'Register an address',
          text: 'A registered address is often needed for benefits and for a work contract. You register at the citizens’ office (Bürgeramt). The counselling centre helps if it is difficult.',
          simpleTitle: 'Register your address',
          simpleText: 'Register your address at the citizens’ office. You need it for money from the state and for a work contract. A counsellor helps you.',
        },
        {
          id: 'flat-search',
          title: 'Look for a flat',
          text: 'A flat of your own gives safety and distance. The search often takes long. Counselling centres search with you, sometimes know landlords or housing cooperatives, and in some cities can sign the lease for the first period.',
          simpleTitle: 'Find a flat of your own',
          simpleText: 'A flat of your own gives you calm and safety. The search often takes long. A counsellor searches with you.',
        },
        {
          id: 'viewings',
          title: 'Someone with you at flat viewings',
          text: 'If you like, someone from the counselling centre comes with you to a viewing. That can help to ask questions and to make a good impression.',
          simpleTitle: 'Seeing a flat: someone comes with you',
          simpleText: 'You go to see a flat? A counsellor can come with you. You do not have to go alone.',
        },
      ],
    },
    {
      id: 'health',
      title: 'Health',
      pillar: true,
      items: [
        {
          id: 'insurance',
          title: 'Have health insurance',
          text: 'In Germany you need health insurance. The usual ways in are Bürgergeld or a job with social insurance. If you were not insured for a while, the insurer sometimes asks for back payments. This can often be sorted out. Clearing offices (Clearingstellen) advise people without insurance.',
          simpleTitle: 'Health insurance',
          simpleText: 'In Germany you need health insurance. You were not insured for a long time? The insurer may want money. This can be sorted out. A counsellor helps you.',
        },
        {
          id: 'doctor',
          title: 'Find a doctor',
          text: 'A family doctor gets to know your health over time. If you are not insured yet, public health offices (Gesundheitsamt) and some practices offer free, anonymous consultations.',
          simpleTitle: 'A doctor for you',
          simpleText: 'Look for a doctor for you. You have no insurance? The health office helps you also without insurance. It is free of charge.',
        },
        {
          id: 'mental-health',
          title: 'Support for your mind',
          text: 'Changing jobs is hard work, and what you have experienced can weigh on you. Psychological counselling and therapy can help, also in your language. The counselling centre knows services and helps you find one.',
          simpleTitle: 'Help when you do not feel well',
          simpleText: 'You do not feel well? You can talk to experts. This is possible in your language too. A counsellor searches with you.',
        },
        {
          id: 'addiction',
          title: 'Help with addiction',
          text: 'If alcohol, drugs or medicines are an issue, there is addiction counselling, clean needles and, if you want it, help to find a place for detox.',
          simpleTitle: 'Help with addiction',
          simpleText: 'Alcohol or drugs are a problem for you? There is addiction counselling. They help you. You decide what you want.',
        },
        {
          id: 'checkup',
          title: 'Health check and protection',
          text: 'Public health offices and sexual health centres offer check-ups, often free and anonymous, for example for sexually transmitted infections. They also give information on PrEP and PEP.',
          simpleTitle: 'Get a health test',
          simpleText: 'The health office does tests. For example for infections from sex. It is often free of charge. Often you do not have to give your name.',
        },
      ],
    },
    {
      id: 'residence',
      title: 'Residence',
      pillar: true,
      items: [
        {
          id: 'eu',
          title: 'Clarify your residence as an EU citizen',
          text: 'With an EU passport you may live and work in Germany (free movement). For some benefits it matters how long you have been here and whether you work. After some years, permanent residence is possible. Get advice on your situation.',
          simpleTitle: 'You come from the EU',
          simpleText: 'You have a passport from the EU? Then you may live and work in Germany. There are rules for money from the state. A counsellor explains them to you.',
        },
        {
          id: 'non-eu',
          title: 'Legal advice on residence if you are not from the EU',
          text: 'A secure residence status is the basis for work and benefits. Migration advice services and lawyers can advise you. Advice is possible without residence papers too, and it is confidential.',
          simpleTitle: 'You do not come from the EU',
          simpleText: 'You need a right to stay. Experts advise you about it. This is possible without papers too. The advice is confidential.',
        },
        {
          id: 'documents',
          title: 'Have your papers together',
          text: 'Passport or ID card, birth certificate, proof of registration, certificates: many steps need papers. Make copies. If something is missing, the counselling centre helps you get it again.',
          simpleTitle: 'Your papers',
          simpleText: 'You often need papers. For example your passport. Make copies. A paper is missing? A counsellor helps you.',
        },
      ],
    },
    {
      id: 'work',
      title: 'New work',
      items: [
        {
          id: 'strengths',
          title: 'Discover your strengths and wishes',
          text: 'What are you good at? What work have you done, what have you learned, also outside a job? What would you like, and what not at all? You collect this calmly in counselling. Your wishes come first.',
          simpleTitle: 'What can you do? What do you want?',
          simpleText: 'What are you good at? What work do you want? You talk about it with a counsellor. Your wishes matter.',
        },
        {
          id: 'training',
          title: 'Find a training or language course',
          text: 'Courses make it easier to find work. Some need few entry requirements, also for people without vocational training. German and integration courses are offered, for example, by adult education centres (Volkshochschule). Sometimes there is a wait for a place.',
          simpleTitle: 'Learn something: a course',
          simpleText: 'A course helps you find work. For example a German course. The Volkshochschule has such courses. A counsellor searches with you.',
        },
        {
          id: 'recognition',
          title: 'Get qualifications from abroad recognised',
          text: 'If you trained or studied in another country, this can be recognised in Germany. That improves your chances. The portal "Anerkennung in Deutschland" and counselling centres help.',
          simpleTitle: 'Your qualification from another country',
          simpleText: 'You learned a job in another country? Maybe it counts in Germany too. A counsellor checks it with you.',
        },
        {
          id: 'applications',
          title: 'Write applications',
          text: 'Counselling helps with your CV, with finding genuine job offers and with practising interviews. You decide what your CV says about your past work. If you like, someone comes with you to the interview.',
          simpleTitle: 'Apply for a job',
          simpleText: 'A counsellor helps with your CV. You decide what it says. Someone can come with you to the interview.',
        },
        {
          id: 'first-weeks',
          title: 'The first weeks in a new job',
          text: 'You can keep using counselling after you start: for questions about the work, your pay or problems at the workplace. Small successes count. Celebrate them.',
          simpleTitle: 'The first weeks at your new work',
          simpleText: 'You have a new job? A counsellor still helps you. For example with questions or problems.',
        },
      ],
    },
  ],
};

export default content;
