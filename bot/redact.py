"""Redact personal data from what a practitioner types, before anything stores it.

The Rasa input channels (``bot.rasa_ext.channels``) call :func:`redact_text` on every
message before Rasa builds the ``UserMessage``, so the tracker store, the logs and the
actions only ever see placeholders. This module runs inside the Rasa process (Python
3.10) and in our own Python 3.11 code: standard library only, and nothing happens at
import time except building constant tables and compiling regular expressions.

What is replaced, and by what::

    phone       UK mobiles and landlines in any spacing, +44 / 0044 / +44 (0)   [phone]
    postcode    full UK postcodes, any case, with or without the space, GIR 0AA  [postcode]
    nhs_number  10 digits passing Modulus 11 (3-3-4, hyphens or contiguous);      [NHS number]
                any 10 digits right after "NHS (no|number)", valid or not
    date        specific dates in numbers or words (see below)                     [date]
    email       addresses                                                           [email]
    nino        National Insurance numbers that follow HMRC's prefix rules         [NI number]
                (QQ, HMRC's specimen prefix, is redacted too: people copy it)
    card        13-19 digit payment card numbers that pass the Luhn check          [card number]
    address     house number + street + street type, with "Flat 3," and a          [address]
                building name in front ("Flat 2, Beckett House, 14a Acacia Avenue")
    name        people's names (see below)                                          [name]

Not redacted on purpose: the national helplines and service numbers the bot itself
gives out (999, 101, 111, 116 123, Childline 0800 1111, the NSPCC 0808 800 5000 and a
few more in ``_HELPLINES``); an outward postcode on its own ("LS6"); a town; a bare
year ("in 2010", "Children Act 1989"); durations, paragraph numbers, "Year 5", times.

Dates
    Day-month-year in numbers (03/04/2017, 3.4.17, 3-4-2017, 2017-04-03) and in words
    (3rd April 2017, April 3, 2017, 3 Apr 17, the 12th of May 2015) are always
    redacted. **Dates without a year**: a day and a month *in words* ("18 January",
    "the 3rd of July", "May 17th") are redacted wherever they appear - they are
    specific days, and a birthday is identifying. A *numeric* day/month without a year
    ("26/07") is redacted only right after a birth word (DOB, born, birthday), because
    "3/4" is more often a fraction, a score or a paragraph number. A month and a year
    ("May 2015") is redacted only after a birth word. Lower-case "may" and "march"
    without a year or an ordinal are left alone (they are usually verbs). Numbers
    after "para", "section", "chapter", "appendix", "version", "Year", ... are never
    dates.

Names
    * a title and a surname: "Mrs Smith", "Mr. O'Connor", "Dr Okonkwo", "Mx Da Silva";
    * a first name from the embedded list (``_FIRST_NAMES``: about a thousand common
      first names of UK children and adults of many backgrounds), with the capitalised
      surname(s) after it; first names that are also ordinary words or places
      (``_AMBIGUOUS_NAMES``: Grace, Ivy, Jade, Precious...) count when written with a
      capital in mid-sentence or when a surname or a name context goes with them, and
      the most ambiguous ones (``_WORD_NAMES``: Will, May, Mark, Hope, Summer...) only
      with a surname or a name context;
    * any capitalised word in a name context: "my son X", "her partner X", "a boy
      called X", "Mum: X", "the child's name is X", "X (age 7)", "X, aged 9", "X who is
      9", "X's mum", "X told me", "X in my tutor group", "the X family";
    * a lower-case listed first name in such a context ("my daughter jade", "called
      tyler", "tia in my tutor group").
    Never names: role words (Mum, Nan, Head, Miss on its own), weekdays, months,
    places, organisations, and well-known people and cases in the guidance (Lord
    Laming, Victoria Climbie, Baby Peter, Peter Connelly, ...; ``_PUBLIC_NAMES``),
    including eponymous documents ("Clare's Law", "Fraser competence", "the Casey
    report"). Names in non-Latin scripts are not detected.

Robustness
    Every pattern is anchored on a boundary look-behind and uses bounded repetition,
    so matching is linear in the input (1 MB of adversarial text takes well under a
    second). Zero-width and bidi control characters are ignored while matching, so
    "0770\\u200b0 900123" is still a phone number; spans are mapped back to the
    original text and the invisible characters inside a redacted span go with it.
    Unusual spaces, dashes, apostrophes and non-ASCII decimal digits are normalised
    for matching only. Placeholders are never themselves redacted, so redacting
    redacted text changes nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = [
    "PLACEHOLDERS",
    "Redaction",
    "RedactionResult",
    "redact",
    "redact_mapping",
    "redact_text",
]

PLACEHOLDERS: dict[str, str] = {
    "phone": "[phone]",
    "postcode": "[postcode]",
    "nhs_number": "[NHS number]",
    "date": "[date]",
    "email": "[email]",
    "nino": "[NI number]",
    "name": "[name]",
    "address": "[address]",
    "card": "[card number]",
}

# When spans of different kinds overlap they are merged; the merged span takes the kind
# that comes first here (the more specific detector).
_PRIORITY: dict[str, int] = {
    "email": 0,
    "card": 1,
    "nhs_number": 2,
    "nino": 3,
    "phone": 4,
    "postcode": 5,
    "date": 6,
    "address": 7,
    "name": 8,
}


@dataclass(frozen=True)
class Redaction:
    """One redacted identifier: its kind and its position in the ORIGINAL text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class RedactionResult:
    """The redacted text and where the identifiers were in the original."""

    text: str
    redactions: tuple[Redaction, ...]

    @property
    def changed(self) -> bool:
        return bool(self.redactions)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.redactions:
            out[r.kind] = out.get(r.kind, 0) + 1
        return out


# ---------------------------------------------------------------------------
# Normalisation for matching (length-preserving, so positions stay valid).
# ---------------------------------------------------------------------------

# Invisible characters removed before matching: zero-width spaces and joiners, bidi
# controls, soft hyphen, word joiner, BOM, interlinear annotation marks.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb]+"
)

_TRANSLATE: dict[int, str] = {
    # control characters (NUL included) act as spaces
    **{c: " " for c in range(0x00, 0x20) if c not in (0x09, 0x0A, 0x0D)},
    0x7F: " ",
    # unusual spaces and line separators
    0x00A0: " ", 0x1680: " ", **{c: " " for c in range(0x2000, 0x200B)},
    0x202F: " ", 0x205F: " ", 0x3000: " ", 0x2028: "\n", 0x2029: "\n",
    # dashes and minus signs
    **{c: "-" for c in range(0x2010, 0x2016)},
    0x2212: "-", 0xFE58: "-", 0xFE63: "-", 0xFF0D: "-",
    # apostrophes and the full-width at sign / full stop / plus
    0x2018: "'", 0x2019: "'", 0x02BC: "'", 0x2032: "'", 0xFF07: "'",
    0xFF20: "@", 0xFF0E: ".", 0xFF0B: "+",
    # decimal digits of other scripts
    **{
        base + i: str(i)
        for base in (
            0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
            0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810,
            0xFF10,
        )
        for i in range(10)
    },
}


# ---------------------------------------------------------------------------
# Word lists (lower case).
# ---------------------------------------------------------------------------

# Common first names of children and adults in the UK, from many backgrounds. A name
# here is redacted when capitalised anywhere (unless it is also in _AMBIGUOUS_NAMES or
# _WORD_NAMES, which need more evidence).
_FIRST_NAMES: frozenset[str] = frozenset(
    """
    aaliyah aarav aaron abbie abby abdul abdullah abdullahi abdi abdiaziz abdikarim abdirahman
    abdirizak abdulrahman abena abigail abimbola abu ada adaeze adam adaora adebayo
    adeel adele adeola adil aditi aditya adnan adrian adrianna adriana aeron afia
    afsana agata agnes agnieszka ahmad ahmed ahmet aidan aiden aileen ailsa aimee
    aisha aishah aisling aiyana ajay akash akosua akua alan alana alanna alba albert
    albie alberto aleena alejandro aleksander aleksandra alesha alessandro alex alexa
    alexander alexandra alexandru alexis alfie alfred ali alia alice alicia alina
    alisha alison alistair alastair aliya aliyah allan allison alya alyssa ama amaan
    amal amanda amandeep amani amara amarachi amari amaya amber amelia amelie ameer
    amina aminah amir amira amit amna amos amrit amy ana anabia ananya anas anastasia
    andre andrea andreea andrei andrew andrzej andy aneesa angela angelica angelina
    angharad angus anika anil anisa anita anja anjali ann anna annabel annabelle anne
    annie anthony antoni antonia antonio anya aoife april arabella archie arda areeba
    areej arham ari aria ariana arianna arif arina arjun arlo armaan arman arnas aron
    arran arron arthur artur arun arya aryan asa asad asha ashanti ashleigh ashley
    ashton asif asim asma aston atif aurora austin ava avani avery awais axel ayaan
    ayan ayana ayat ayda ayden ayesha ayla aylin ayo ayodele ayomide ayra ayrton
    aysha azaan azra babatunde bailey balraj barbara barry bartek bartosz basil bea
    beatrice beatrix beau beckett becky bella ben benedict benjamin benji bernard
    beth bethan bethany betsy betty beverley bianca bilal billie billy bisi blake
    blessing bobbi bobby bogdan bonnie brad bradley brandon brenda brendan brett
    brian bridget brody bronwen brooke bruno bryony bukola bushra byron cadence
    caitlin caleb callum calum calvin cameron camilla cara carl carla carlos carly
    caroline carrie carys casey cassie catherine catrin catriona cecilia cerys chad
    chantelle charlene charley charlie charlotte chelsie cher cheryl chiamaka chidi
    chidinma chinedu chinwe chinyere chioma chloe chloé chris christian christina
    christine christopher chukwuemeka cian ciara ciaran ciarán cillian claire clara
    clare claudia clayton clodagh cody colin colm conal conner connie connor conor
    corey cormac courtney craig cristian cristina cruz cydney cyrus daisy dakota
    dale damian damien dan dana daniel daniela daniella daniyal danny danyal daria
    darius dariusz darnell darragh darren darryl daryl darcey darcie darcy dave
    david davina dawid dayo dean debbie deborah declan dee deepak deeqa delilah
    delroy demi denise dennis denzel derek deshawn desmond devon dexter diana diego
    dilan dimitri dina dion divya diya dmitri dolores dominic dominik dominika donna
    donovan dorothy douglas duncan dwayne dylan eamon eamonn ebony ebuka ed eddie
    eden edie edith edward edwin eesa efua eileen eilidh eira eleanor elena eli
    elias elif elijah elin eliot eliza elizabeth ella elle ellen ellie elliot elliott
    ellis elliw eloise elsa elsie elvis ema emanuel emeka emil emilia emilie emily
    emir emma emmanuel emmie emre emrys enzo eoin erica erik erin ernest esa esi
    esme esmé esther ethan etienne eugene euan eva evan evangeline eve evelyn everly
    evie ewa ewan ezra fabian fadumo faisal faith farah farhan farida farooq fatema
    fatima fatimah fatma faye felicity felix femi fern ffion filip filsan finlay
    finley finn fionn fiona florence florin folake frances francesca francis
    frankie fraser freddie freddy frederick freya funke funmilayo gabriel gabriela
    gabriella gabrielle gareth garry gary gavin gemma geeta george georgia georgie
    gerald gethin gianni gillian gina giorgia giovanni glenn gloria gordon grace
    gracie graham grainne grant gregory grzegorz gurdeep gurpreet gwen habiba hafsa
    hafsah hajra halima hallie hamdi hamid hamish hamza hamzah hana hanna hannah
    haris harjeet harjit harleen harley harlow harmony harold harper harpreet harri
    harriet harris harrison harry harvey hasan hassan hawa hayden hayley hazel
    heather hector heidi helen helena henry hetty hibo hina hodan holly hollie
    huda hudson hugh hugo humaira humza huw husna hussain hussein iain ian ibrahim
    idil idris ifan ifeanyi ifeoma ifrah igor ikechukwu ikenna ikram ikran ilyas
    iman imani imogen imran inaya india ines ioan ioana iona ionut ionuț iqra irene
    irfan irina iris iryna isa isaac isabel isabella isabelle isaiah isha ishaan
    isla ismail ismael isobel ivan ivo ivy iwan iyla izaak izabela izzy jack jackie
    jackson jacob jacqueline jade jaden jago jai jake jakub jamal jamel james jamie
    jan jana jane janet janice jaskaran jasleen jasmin jasmine jason jaspreet jasper
    javier jaxon jaxson jay jayden jaylen jayson jean jemima jemma jenna jennifer
    jenny jensen jenson jeremy jermaine jerome jess jesse jessica jessie jethro
    jim jimmy jo joanna joanne joao jodie joe joel joey johanna john johnny jon
    jonah jonas jonathan jordan jordon jorge jose josef joseph josephine josh
    joshua josiah joy joyce juan jude judith judy jules julia julian julie
    julius junaid justin kacper kady kai kaiden kaitlyn kaja kaleb kamal kamil
    kamila kamran kara kareem karen karim karina karl karolina karol kasia kate
    katarzyna katelyn katherine kathleen kathryn katie katrina kavya kay kaya kayden
    kayla kaylee kayleigh kaydence keanu keeley keira keith kelechi kelly kelsey
    kemi ken kendra kenneth kenny kerry kevin khadija khadijah khalid khalil kian kiana
    kiara kiera kieran kiran kim kirk kirsten kirsty kit kitty klaudia kobe kodi kofi kojo
    kornelia krish krishna kristian kristina krystal krzysztof kuba kuldeep kurt
    kwabena kwame kwesi kyla kyle kyra lacey lacie laiba lara larissa laura lauren
    laurence lawrence layla lea leah leandro leanne lee leela leena leigh leila
    lena leo leon leona leonard leonardo leroy lesley leslie levi lewis lexi lexie
    leyla liam libby liberty lidia lila lilah lilia lilian lillian lilly lily
    lina linda lindsay lisa liv livia liz lizzie llew lloyd logan lois lola
    lorenzo lorna lottie louie louis louisa louise lowri luca lucas lucia lucie
    lucy luis luka lukas lukasz łukasz luke luna lydia lyla mabel maceo macey
    macie mackenzie macsen macy madeleine madison maddison madiha mae magda
    magdalena mahad mahamed mahi mahnoor mahmoud maia maisie maisy maja maks
    maksim maksymilian malachi malak malakai malcolm mali malik maliha mandy manon
    manpreet mara marc marcel marcus marek margaret margot maria mariam mariana
    marie marina mario marion marius marlon marley marta martha martin martina
    martyna marwa mary maryam mason matas mateo mateusz mathew matilda matteo
    matthew maureen maurice max maxim maximilian maxwell maya megan meghan mehmet
    mehreen meera mia mica micah michael michaela michal michał michelle mick
    mickey mihaela mihai mikayla mike mikey mikolaj mila milan milena miles millie
    milly milo mina minnie mira miriam mitchell mohamad mohamed mohammad mohammed
    mohamud mohsin moira mollie molly monika morgan morag moses muhammad
    muhammed mujtaba muna murray musa mustafa mustapha mya myles nadia nadeem
    nadine naeem naima nancy naomi nasir nasra nasreen natalia natalie natasha
    nathan nathaniel naveed navneet nayeli nazia neha neil nela nell nellie
    nevaeh ngozi nia niall niamh nicholas nicola nicole nikita nikki nikola nikolai
    nimco nina nisha nkechi nnamdi noah noel noor nora norah nuala nur nyla
    obinna oisin oisín okechukwu ola olamide olena oleksandr oliver olivia
    oliwia ollie olly olumide oluwaseun omar omari orla orlaith osian oskar
    oscar otis owain owen oksana pablo padraig paige pamela paris parminder
    parveen patricia patrick patryk paul paula paulina pauline pawel paweł pedro
    penelope pete peter petra phil philip phillip phoebe piotr pippa polly
    poppy precious preston priya priyanka rabia rachael rachel rafael rafe
    rahim rahul raheem rajinder rajesh ralph ramona rania rashid ravi ravinder
    rayan rayyan razvan rebecca rebekah reece reem reggie rehana reuben rhea
    rhian rhianna rhiannon rhodri rhona rhys ricardo richard ricky rihanna riley
    rio rita riya rizwan rob robbie robert roberta roberto robin robyn rocco
    rohan roisin róisín roksana roman romeo ronald ronan ronnie rory rosa rosalie
    rose rosemary rosie ross rowan roxana roxanne ruairi ruaridh rubina ruby
    rudy rufus ruksana rukhsana rumaisa ruqayyah ruqiya rupert russell ruth ryan
    ryder rylan saad sabina sabrina sadia sadie safa safiya safiyyah sagal sahil
    sahra saima sajid salma salman sam samantha sameer samia samina samir samira
    sammy samuel sana sandeep sandra sanjay santiago sara sarah sasha saskia
    saul savannah scarlet scarlett scott seamus sean seán sebastian sebastien
    segun selena selin seren serena serenity seth shabana shahid shakeel shamima
    shane shanice shannon shantelle sharon shauna shaun shay shayla shazia sheila
    shelby shenaz shirin shivani shoaib shola shreya sian siân sidney sienna
    sierra simon simone simran sinead sinéad siobhan skye sofia sofie sohail
    solomon somto sonia sonny sophia sophie stacey stanislaw stanley stefan
    stefania stella stephanie stephen steve steven stevie stuart suad sukhdeep
    sukhjit sukhwinder suleiman sultan sumayyah summer sunita susan suzanne sven
    sylvia szymon tadhg tahir tahira taiwo talha tamara tamsin tanisha tanya
    tara tariq tasha tatiana tayla taylor teagan teddy tegan temitope tenzin
    terence teresa terry tetiana thea theo theodore thomas tia tiago tiana tiegan
    tiffany tilly tim timothy tina titilayo tobenna tobi tobias toby tolu tom
    tomas tomasz tommy toni tony tope tracey tracy travis trevor trinity tristan
    troy tunde tyler tyra tyrese tyrone ubah umar umair usman uzma valentina
    vanessa vera veronica victor victoria vicky viktor viktoria vincent violet vlad
    vladimir wasim waqas wayne wendy weronika wiktor wiktoria will willa william
    willow wilf wilfred winston wojciech xander xavier yaa yahya yasin yaseen
    yasmin yasmine yasmeen yetunde yousef yousuf yulia yusra yusuf yvonne zac
    zach zachary zack zahra zaid zain zainab zak zakaria zakariya zakariyya zara
    zayan zayd zayn zaynab zeeshan zeynep zofia zoe zoë zofia zubair zuzanna
    """.split()
)

# First names that are also common words, colours, flowers, places or surnames that
# start sentences: they count when capitalised in mid-sentence, with a surname, or in
# a name context - not as the first word of a sentence on their own.
_AMBIGUOUS_NAMES: frozenset[str] = frozenset(
    """
    amber april austin bailey blessing bonnie brooke carter cooper crystal daisy dakota
    dawn destiny eden eve faith florence georgia grace harley harmony hazel heather holly
    hope india iris ivy jade jasmine jordan joy liberty lily lincoln mason max melody
    mercy olive paris pearl poppy precious preston robin rose rosemary rowan ruby sage
    scarlet scarlett skye sonny stanley sydney taylor trinity violet willow
    """.split()
)

# First names that are everyday words (or months, titles...): only with a surname or a
# name context ("my son Will", "Mark Da Silva").
_WORD_NAMES: frozenset[str] = frozenset(
    """
    angel april art august autumn bay bill bob cash chance chase cliff dale dee don drew
    duke earl faith frank gene gift ginger glen guy heath honey hope hunter jan jay
    jean joy june king kit major mark may miles nick pat peace penny praise prince
    princess rain ray reed rich river rob rocky royal sandy sky star storm sue summer
    sunny wade will winter wren
    """.split()
)

_ALL_NAMES: frozenset[str] = _FIRST_NAMES | _AMBIGUOUS_NAMES | _WORD_NAMES

# Capitalised words that are never (part of) a person's name in these messages.
_NOT_NAME: frozenset[str] = frozenset(
    """
    a about above after again against ago all also am an and another any anybody anyone
    anything are as at away back be because been before being below between both but by
    can cannot could dear did do does doing done down during each either else even ever
    every everybody everyone everything few for from further get gets getting go going
    got had has have having he hello her here hers herself hey hi him himself his how
    however i i'm i've i'd i'll if in into is it it's its itself just last least less
    let like many may maybe me might mine more most much must my myself neither never
    new next no nobody none noone nor not nothing now of off oh ok okay on once one only
    or other others our ours ourselves out over own per perhaps please quick re really
    same says said see seen shall she should since so some somebody someone something
    sometimes still such than thank thanks that the their theirs them themselves then
    there these they this those though through thus to today tomorrow tonight too
    under until up upon urgent us very was we well were what whatever when where whether
    which while who whoever whom whose why will with within without would yes yet you
    your yours yourself yesterday sorry fw fwd fyi asap nb ps update note notes hiya
    morning afternoon evening night week weekend fortnight month year years term day
    days weekday half
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    christmas easter eid diwali ramadan halloween hanukkah vaisakhi passover lent
    spring summer autumn winter bank holiday holidays
    mum mom mam mummy mommy mother dad daddy father parent parents nan nana nanna nanny
    gran granny grandma grandmother grandad granddad grandpa grandfather grandparent
    grandparents aunt auntie aunty uncle brother sister son daughter baby babies boy boys
    girl girls child children childs kid kids family families carer carers stepdad
    stepmum stepfather stepmother partner boyfriend girlfriend husband wife sibling
    siblings twin twins cousin nephew niece friend friends neighbour neighbours lodger
    mr mrs ms miss mx dr sir madam lord lady dame master prof professor rev revd sister
    head headteacher teacher teachers deputy pupil pupils student students staff class
    tutor form group lead leader designated safeguarding officer officers police
    constable sergeant inspector detective pc dc ds sgt social worker workers care
    service services health visitor visitors nurse nurses midwife midwives doctor
    doctors gp gps paediatrician consultant manager coordinator chair panel board
    partnership partners trust council authority authorities la lsc lscb lscbs mash
    nspcc ofsted cqc camhs cafcass barnardo barnardo's childline samaritans nhs dfe
    dsl dsls lado iro ta senco sen send ehcp cin cp cpp icpc rcpc scr csa cse ccpas
    ncmd ceop mpa marac mappa dash fgm dbs kcsie hmicfrs unicef un uncrc gdpr ico
    school schools academy academies college colleges nursery nurseries primary
    secondary infant infants junior juniors university hospital hospitals general
    infirmary surgery practice clinic centre center unit department team court
    courts family's station library church mosque temple gurdwara synagogue chapel
    home homes house estate hostel refuge shelter
    review reviews report reports inquiry enquiry conference conferences plan plans
    meeting meetings strategy discussion discussions assessment assessments referral
    referrals section sections chapter chapters paragraph para appendix annex part
    act acts law laws order orders guidance policy procedure procedures protocol
    framework standard standards regulation regulations rule rules code level levels
    stage stages key year yr reception nursery sixth
    working together keeping children safe education early help threshold thresholds
    protection safeguarding abuse neglect harm risk concern concerns worry worried
    urgent emergency immediate danger significant welfare wellbeing
    birthday birthdays name names address addresses postcode phone mobile tel telephone number email
    contact contacts date dob birth born age aged details record records notes
    english british welsh scottish irish polish romanian lithuanian latvian slovak
    czech bulgarian hungarian albanian kosovan ukrainian russian turkish kurdish
    syrian iraqi iranian afghan pakistani indian bangladeshi sri lankan nepali chinese
    vietnamese filipino thai japanese korean somali eritrean ethiopian sudanese
    nigerian ghanaian kenyan ugandan zimbabwean congolese african caribbean jamaican
    american european asian arab arabic mixed roma gypsy traveller
    travellers muslim christian catholic jewish sikh hindu buddhist urdu punjabi
    bengali gujarati tamil pashto farsi dari portuguese spanish italian french german
    dutch
    """.split()
)

# Places (and words that only appear in place names): never names, and not accepted as
# a name after a context word ("about Leeds").
_PLACES: frozenset[str] = frozenset(
    """
    uk gb britain england scotland wales ireland northern southern eastern western north
    south east west central greater upper lower great little new old st saint
    london leeds bradford hull birmingham manchester liverpool sheffield bristol
    newcastle leicester nottingham cardiff glasgow edinburgh belfast swansea newport
    aberdeen dundee inverness derry plymouth norwich norfolk suffolk essex kent surrey
    sussex devon cornwall dorset somerset wiltshire hampshire berkshire oxfordshire
    buckinghamshire hertfordshire bedfordshire cambridgeshire lincolnshire
    nottinghamshire derbyshire leicestershire staffordshire shropshire cheshire cumbria
    northumberland durham yorkshire lancashire merseyside midlands tyne wear teesside
    humberside lewisham haringey hackney islington camden westminster southwark lambeth
    wandsworth croydon brent ealing barnet enfield harrow hillingdon hounslow redbridge
    havering bexley bromley greenwich newham tower hamlets kensington chelsea
    hammersmith fulham richmond kingston merton sutton waltham barking dagenham
    rotherham doncaster barnsley wakefield huddersfield halifax dewsbury keighley
    harrogate york scarborough grimsby scunthorpe coventry cleveland oldham rochdale
    bolton bury wigan salford stockport tameside trafford luton stoke middlesbrough
    hartlepool stockton darlington sunderland gateshead blackpool blackburn burnley
    preston lancaster derby reading slough oxford cambridge peterborough southampton
    portsmouth brighton hove exeter bath gloucester cheltenham swindon bournemouth
    poole worcester hereford telford shrewsbury wolverhampton walsall dudley sandwell
    solihull northampton milton keynes ipswich colchester chelmsford southend basildon
    medway maidstone canterbury dover hastings eastbourne crawley guildford woking
    watford stevenage lincoln chester warrington wirral sefton knowsley st helens
    halton carlisle whitehaven kendal harlow wrexham rhyl bangor
    """.split()
)

# Words that make a preceding capitalised name a place or an organisation ("Victoria
# Road", "Stanley Park", "Grace Academy").
_PLACE_SUFFIXES: frozenset[str] = frozenset(
    """
    road rd street st avenue ave close drive crescent grove gardens terrace place square
    mews parade way walk lane park station school academy college primary nursery
    hospital infirmary surgery centre center house court tower heights estate library
    church mosque temple chapel bridge cross gate gardens hall's infants juniors trust
    foundation children's
    """.split()
)

# Names of public figures and cases that the guidance discusses.
_PUBLIC_NAMES: tuple[str, ...] = (
    "lord laming", "herbert laming", "victoria climbié", "victoria climbie", "baby peter",
    "baby p", "peter connelly", "khyra ishaq", "daniel pelka", "arthur labinjo-hughes",
    "star hobson", "eileen munro", "alexis jay", "louise casey", "michael bichard",
    "josh macalister", "alan wood", "maria colwell", "jasmine beckford",
    "kimberley carlile", "tyra henry", "holly wells", "jessica chapman", "ian huntley",
    "sarah payne", "clare wood", "victoria gillick", "hamzah khan", "keanu williams",
    "ellie butler", "logan mwangi", "dylan seabridge", "ainlee walker", "lauren wright",
    "child q", "elizabeth butler-sloss", "munro", "laming", "climbié", "climbie",
)

_HELPLINES: frozenset[str] = frozenset(
    # national significant numbers (without the leading 0)
    {
        "8088005000",  # NSPCC helpline
        "8001111",  # Childline
        "8000280285",  # NSPCC whistleblowing advice line
        "8000283550",  # NSPCC FGM helpline
        "800136663",  # NSPCC Report Abuse in Education
        "8082000247",  # National Domestic Abuse Helpline
        "8088010327",  # Men's Advice Line
        "8085002222",  # Rape Crisis
        "8081000900",  # Stop It Now
        "8088025544",  # YoungMinds parents helpline
        "8088002222",  # Family Lives
        "8000684141",  # Papyrus HOPELINE247
        "8000121700",  # Modern Slavery & Exploitation Helpline
        "800789321",  # Anti-Terrorist Hotline
        "800555111",  # Crimestoppers
        "3001232040",  # Action Fraud
        "3001233393",  # Mind infoline
        "8088004444",  # Shelter
    }
)

_SERVICE_NUMBERS = ("999", "112", "111", "101", "116123", "116111", "116000")


# ---------------------------------------------------------------------------
# Regular expressions.
# ---------------------------------------------------------------------------

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
# A capitalised name word: Smith, O'Connor, McDonald, MacLeod, Harper-Lowe, Climbié.
_CAPWORD = rf"(?:O'|Mc|Mac|D'|Fitz)?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+|'[{_UP}][{_LO}]+)*"
_CAPS_WORD = rf"[{_UP}]{{2,}}(?:['-][{_UP}]+)*"
_PARTICLE = r"(?:[Dd][aeiu]|[Dd]el|[Dd]ella|[Vv][ao]n|[Dd]e[rn]|[Ll][ae]|[Aa]l|[Ee]l|[Bb]in|[Ii]bn|[Aa]p)"
_NAME_BOUND_L = r"(?<![\w-])(?<!\w')"
_NAME_BOUND_R = r"(?![\w]|-\w|'[A-Z])"
_CAPSEQ = rf"{_CAPWORD}(?:[ ]{{1,2}}(?:{_PARTICLE}[ ])?{_CAPWORD}){{0,2}}"


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a prefix tree (fast in ``re``)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(trie) + ")"


_EMAIL = re.compile(
    r"(?<![\w.%+'-])[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\w-])"
)

_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+|00)[ ]?44[ ]?(?:\(0\)[ ]?|0[ ]?)?|\(?0[ ]?)"
    r"([1-9](?:[ \-.()]{0,3}[0-9]){7,9})(?![0-9])"
)

_POSTCODE = re.compile(
    r"(?<![\w])"
    r"(GIR[ ]?0AA|[A-PR-UWYZ](?:[0-9][0-9]?|[A-HK-Y][0-9][0-9]?|[0-9][A-HJKPSTUW]"
    r"|[A-HK-Y][0-9][ABEHMNPRVWXY])[ ]{0,2}([0-9][ABD-HJLNP-UW-Z]{2}))"
    r"(?![\w])",
    re.IGNORECASE,
)

_NHS = re.compile(
    r"(?<![\w.\-/])([0-9]{3})([ -]?)([0-9]{3})\2([0-9]{4})(?![\w]|[.\-/][0-9])"
)
_NHS_CONTEXT = re.compile(
    r"(?i:\b(?:nhs|chi)(?:[ ]?(?:no\.?|num(?:ber)?\.?|#)(?:[ ]is)?|[ ]number[ ]is)?"
    r"[ ]*[:\-]?[ ]*)([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4})(?![0-9])"
)

_CARD = re.compile(
    r"(?<![\w.\-])(?:[0-9]{13,19}|[0-9]{4}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{1,7}"
    r"|[0-9]{4}([ -])[0-9]{6}\2[0-9]{4,5})(?![\w]|[.\-][0-9])"
)

_NINO = re.compile(
    r"(?<![\w])([A-Za-z]{2})[ ]?([0-9]{2})[ ]?([0-9]{2})[ ]?([0-9]{2})(?:[ ]?([A-Da-d]))?(?![\w])"
)
_NINO_CONTEXT = re.compile(
    r"(?i:\b(?:ni|nino|nin|national[ ]insurance)(?:[ ](?:no|number))?\.?(?:'s)?[ :\-]*(?:is[ ])?)\Z"
)

_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR_END = r"(?![0-9]|[:.][0-9])"
_DATE_DMY_WORDS = re.compile(
    rf"(?<![\w.])(?:(the)[ ]+)?({_DAY})({_ORD})?(?:[ ]+of)?(?:[ ]+|-|/)({_MONTH})(?![a-z])\.?"
    rf"(?:,?(?:[ ]+|-|/)((?:19|20)[0-9]{{2}}|'?[0-9]{{2}}){_YEAR_END})?",
    re.IGNORECASE,
)
_DATE_MDY_WORDS = re.compile(
    rf"(?<![\w.])({_MONTH})(?![a-z])\.?[ ]+(?:the[ ]+)?({_DAY})({_ORD})?(?![0-9a-z])"
    rf"(?:,?[ ]+((?:19|20)[0-9]{{2}}|'?[0-9]{{2}}){_YEAR_END})?",
    re.IGNORECASE,
)
_DATE_NUMERIC = re.compile(
    r"(?<![\w./\-])([0-9]{1,2})([/.\-])([0-9]{1,2})\2((?:19|20)[0-9]{2}|[0-9]{2})"
    r"(?![\w]|[./\-][0-9])"
)
_DATE_ISO = re.compile(
    r"(?<![\w./\-])((?:19|20)[0-9]{2})([/.\-])(1[0-2]|0?[1-9])\2(3[01]|[12][0-9]|0?[1-9])"
    r"(?![\w]|[./\-][0-9])"
)
_BIRTH_CUE = (
    r"(?i:\b(?:d\.?o\.?b\.?|date[ ]of[ ]birth|born(?:[ ]on)?|birthday(?:'s|[ ]is)?"
    r"|b'?day(?:'s|[ ]is)?)[ ]*[:\-]?[ ]*(?:is[ ]+)?(?:on[ ]+)?(?:the[ ]+)?)"
)
_DATE_CUE_DM = re.compile(
    rf"{_BIRTH_CUE}({_DAY}[/.\-](?:1[0-2]|0?[1-9]))(?![0-9]|[/.\-][0-9])"
)
_DATE_CUE_MY = re.compile(
    rf"{_BIRTH_CUE}(?i:(?:in[ ]+)?)((?i:{_MONTH})\.?[ ]+(?:19|20)[0-9]{{2}})(?![0-9])"
)
# Words before a number that make it something other than a date or a house number.
_NOT_NUMBER_WORDS = (
    r"para(?:graph)?s?|section|sections|s|ss|chapter|chap|ch|appendix|annex|clause|article|art"
    r"|page|pages|p|pp|version|ver|v|level|levels|year|years|yr|yrs|ks|key[ ]stage|table|figure"
    r"|fig|step|stage|part|schedule|regulation|reg|rule|standard|ref|reference|room|ward|bay"
    r"|bed|grade|question|q|item|point|box|line|aged?|under|over|top|score|scored|rated"
    r"|out[ ]of|within|every|about|around|nearly|almost|than|§"
)
_NOT_DATE_BEFORE = re.compile(rf"(?i:(?<![\w'])(?:{_NOT_NUMBER_WORDS}|no|number)\.?[ ]*)\Z")
_NOT_ADDRESS_BEFORE = re.compile(rf"(?i:(?<![\w'])(?:{_NOT_NUMBER_WORDS})\.?[ ]*)\Z")

_STREET_TYPES_STRONG = (
    r"road|rd|street|st|lane|ln|avenue|ave|av|close|cl|drive|dr|crescent|cres|grove|gr"
    r"|gardens|gdns|terrace|tce|mews|square|sq|parade|pde|boulevard|croft|wynd|fold"
)
_STREET_TYPES_WEAK = (
    r"way|court|ct|place|pl|walk|hill|view|park|row|rise|green|vale|gate|bank|chase"
    r"|mount|meadows?|yard|brow|approach|circus|quay|wharf|promenade|embankment|heights"
    r"|side|end|fields?|grange|glade|dene|garth|nook|ridge"
)
_ADDRESS = re.compile(
    r"(?:(?<!\w)(?:flat|apartment|apt|unit|maisonette)\.?[ ]*[0-9]{1,4}[a-z]?[ ]*,?[ ]+"
    r"|(?<![\w£$.,/-])(?<![0-9]:))"
    rf"(?:((?:{_CAPWORD}[ ]+){{1,2}}(?:House|Court|Tower|Heights|Lodge|Mansions|Buildings"
    r"|Point|Apartments|Block|Hall|Place|Gardens|View|Cottages?|Farm)[ ]*,?[ ]+))?"
    r"([0-9]{1,4}[a-z]?(?:[ ]?-[ ]?[0-9]{1,4}[a-z]?)?),?[ ]+"
    r"((?:the[ ]+)|(?:(?:st\.?[ ]+)?[a-z][a-z'-]*[ ]+){1,3})"
    rf"({_STREET_TYPES_STRONG}|{_STREET_TYPES_WEAK})\.?(?![\w'-])",
    re.IGNORECASE,
)
_ADDRESS_STOP: frozenset[str] = frozenset(
    """
    a an the and or of to in on at by for from with into onto over under than then that
    this these those my his her their our your its is are was were be been being has have
    had do does did will would can could should may might must not no yes it he she they
    we you i me him them us who which what when where why how very so too also just only
    year years yr yrs old month months week weeks day days hour hours minute minutes
    time times mile miles metre metres kids kid children child boys girls people pupils
    students adults men women members staff parents families siblings brothers sisters
    more less most least other another some any all both each every few many much several
    times working school schools classes class lessons points point step steps level
    levels stage stages sessions session visits visit calls call referrals cases case
    act acts law laws edition guidance report review update version chapter section
    paragraph page appendix article
    """.split()
)

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|MR|MRS|MS|MISS|MX|DR|mr|mrs|ms|mx|Mstr|Prof|Revd|Rev)"
_TITLE_NAME = re.compile(
    rf"{_NAME_BOUND_L}{_TITLE}\.?[ ]{{1,2}}(?!(?:{_TITLE})\b)"
    rf"((?:{_PARTICLE}[ ])?{_CAPWORD}(?:[ ](?:{_PARTICLE}[ ])?{_CAPWORD})?){_NAME_BOUND_R}"
)

_KNOWN_NAME = re.compile(
    rf"{_NAME_BOUND_L}({_trie_pattern(sorted(_ALL_NAMES))}(?:-[A-Za-z][a-z]+)*)"
    r"(?![\w]|-[A-Za-z])",
    re.IGNORECASE,
)
_SURNAMES_AFTER = re.compile(
    rf"(?:[ ]{{1,2}}(?:{_PARTICLE}[ ])?(?:{_CAPWORD}|{_CAPS_WORD})){{1,2}}{_NAME_BOUND_R}"
)
_SURNAME_TOKEN = re.compile(rf"(?:{_PARTICLE}[ ])?({_CAPWORD}|{_CAPS_WORD})")

_KIN = (
    r"(?:(?:step|step-|half|half-|foster|grand|great-grand|great[ ]grand)?"
    r"(?:son|daughter|child|kid|boy|girl|baby|brother|sister|sibling|twin|nephew|niece"
    r"|cousin|mum|mom|mam|mummy|mother|dad|daddy|father|parent|nan|nana|nanna|nanny|gran"
    r"|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|aunt|auntie|aunty"
    r"|uncle|partner|boyfriend|girlfriend|husband|wife|ex|ex-partner|ex-husband|ex-wife"
    r"|fiance|fiancé|fiancee|carer|friend|neighbour|neighbor|lodger|stepson|stepdaughter"
    r"|stepdad|stepmum|stepfather|stepmother)"
    r"|pupil|student|learner|patient|client|claimant|resident|tenant|teacher|colleague"
    r"|officer|pc|dc|ds|sgt|sw|worker|nurse|midwife|visitor|hv|ta|tutor|coach|yp"
    r"|young[ ]person|young[ ]carer|lad|lass|toddler|infant|newborn|applicant|suspect"
    r"|victim|perpetrator|offender|called|named|nicknamed|known[ ]as|aka"
    r"|(?:my|his|her|their|child's|childs|the)[ ]name(?:[ ]is|'s)|name[ ]given[ ]as"
    r"|(?:mum|mother|dad|father|carer|parent)[ ]of|this[ ]is|i'm|i[ ]am|im)"
)
_LOWER_NAME = _trie_pattern(sorted(n for n in _ALL_NAMES if n.islower()))
_CONTEXT_SEP = r"(?:[ ]*[,:(\-][ ]*|[ ]+)"
_LEFT_CONTEXT = re.compile(
    rf"(?i:\b{_KIN}(?:[ ]+(?:is|was|called|named))?)\b{_CONTEXT_SEP}"
    rf"({_CAPSEQ}|{_LOWER_NAME}){_NAME_BOUND_R}"
)
_LEFT_CONTEXT_END = re.compile(
    rf"(?i:\b{_KIN}(?:[ ]+(?:is|was|called|named))?)\b{_CONTEXT_SEP}\Z"
)
_FORM_FIELD = re.compile(
    r"(?i:\b(?:child'?s?[ ]name|full[ ]name|name|child|young[ ]person|yp|pupil|student"
    r"|patient|client|claimant|subject|mother|father|mum|dad|parent|carer|surname"
    r"|forename|first[ ]name)[ ]*(?::|[ ]-|–)[ ]*)"
    rf"({_CAPSEQ}|[{_LO}]+(?:[ ][{_LO}]+){{0,2}}){_NAME_BOUND_R}"
)

_POSSESSIONS = (
    r"mum|mummy|mom|mother|dad|daddy|father|nan|nana|nanna|gran|granny|grandma|grandad"
    r"|grandparents|brother|sister|siblings?|aunt|auntie|uncle|family|parents?|carers?"
    r"|step-?dad|step-?mum|stepfather|stepmother|boyfriend|girlfriend|partner|friends?"
    r"|records?|details|file|notes|school|class|teacher|address|house|home|phone|number"
    r"|mobile|birthday|dob|behaviour|bedroom|room|social[ ]worker|name|case|plan|cousin"
    r"|baby|son|daughter|kids|children|ex"
)
_RIGHT_CONTEXT = re.compile(
    r"(?i:"
    r"[ ]*\([ ]*(?:aged?[ ]*)?[0-9]{1,2}(?:[ ]*(?:yrs?|years?(?:[ ]old)?|y/?o|months?|m))?[ ]*\)"
    r"|[ ]*\([ ]*(?:y|yr|year)[ ]*[0-9]{1,2}[ ]*\)"
    r"|[ ]*,?[ ]+aged?[ ]+[0-9]{1,2}\b"
    r"|[ ]*,?[ ]+who(?:'s|[ ]is|[ ]was|[ ]turned)[ ]+(?:only[ ]|just[ ]|now[ ])?[0-9]{1,2}\b"
    r"|[ ]+is[ ]+(?:only[ ]|just[ ]|now[ ])?[0-9]{1,2}(?![0-9:.%]|[a-z])"
    rf"|[ ]*\([ ]*(?:{_POSSESSIONS})[ ]*\)"
    rf"|'s?[ ]+(?:{_POSSESSIONS})\b"
    r"|[ ]+(?:told|tells|disclosed|discloses|confided|has[ ]told|has[ ]disclosed)\b"
    r"|[ ]+in[ ]+(?:my|our|his|her|the[ ]same)[ ]+(?:class|tutor[ ]group|form|group|set)\b"
    r"|[ ]*[,(\-]?[ ]*(?:dob|d\.o\.b\.?|date[ ]of[ ]birth)\b"
    r"|[ ]*,?[ ]+(?:was[ ]+)?born\b"
    r"|[ ]*\([ ]*(?:dob|d\.o\.b\.?|born|b\.)?[ :]*[0-9]{1,2}(?:[/.\-][0-9]{1,2}[/.\-][0-9]{2,4}"
    r"|(?:st|nd|rd|th)?[ ]+[a-z]{3,9}\.?,?[ ]+[0-9]{2,4})[ ]*\)"
    r"|[ ]+[0-9]{1,2}[ ]+(?:days?|weeks?|months?|years?|yrs?)[ ]+old\b"
    r")"
)
_RIGHT_CONTEXT_NAME = re.compile(rf"{_NAME_BOUND_L}({_CAPSEQ})(?={_RIGHT_CONTEXT.pattern})")
_FAMILY = re.compile(
    rf"(?i:\bthe)[ ]+({_CAPWORD}(?:[ -]{_CAPWORD})?)[ ]+"
    r"(?i:family|families|household|children|kids|twins|boys|girls|siblings|brothers|sisters)\b"
)
_PUBLIC = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(n) for n in _PUBLIC_NAMES) + r"))(?!\w)"
    rf"|(?:(?i:\bthe)[ ]+{_CAPSEQ}[ ]+(?i:review|report|inquiry|enquiry))"
    rf"|(?:{_CAPSEQ}[ ]+(?i:competence|competent|guidelines|principles|test|ruling|judgment))"
    rf"|(?:{_CAPWORD}'s[ ]+Law)"
)

_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"(\[\-–|/]|[.!?]['\")])[ \t]*\Z")


# ---------------------------------------------------------------------------
# Detectors. Each yields (start, end, kind) in the normalised text.
# ---------------------------------------------------------------------------

Span = tuple[int, int, str]


def _preceded_by_non_date_word(s: str, start: int) -> bool:
    return _NOT_DATE_BEFORE.search(s[max(0, start - 24) : start]) is not None


def _emails(s: str) -> Iterator[Span]:
    if "@" not in s:
        return
    for m in _EMAIL.finditer(s):
        yield m.start(), m.end(), "email"


def _phones(s: str) -> Iterator[Span]:
    for m in _PHONE.finditer(s):
        group = m.group(1)
        nsn = "".join(ch for ch in group if ch.isdigit())
        if nsn in _HELPLINES:
            continue
        first = nsn[0]
        if len(nsn) == 10:
            if first not in "123578":
                continue
            if first == "7" and nsn[1] == "0" and False:
                continue
        elif len(nsn) == 9:
            if first not in "18":
                continue
        else:
            continue
        if group.count("(") != group.count(")") and "(" in group:
            continue
        end = m.end()
        # a trailing separator is not part of the number
        yield m.start(), end, "phone"


def _postcodes(s: str) -> Iterator[Span]:
    for m in _POSTCODE.finditer(s):
        inward = m.group(2)
        if inward.islower() and inward[1:] in ("st", "nd", "rd", "th"):
            continue  # "Y6 2nd", "M1 4th"
        yield m.start(), m.end(), "postcode"


def _nhs_valid(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs_numbers(s: str) -> Iterator[Span]:
    for m in _NHS.finditer(s):
        digits = m.group(1) + m.group(3) + m.group(4)
        if digits[0] == "0" or len(set(digits)) == 1:
            continue
        if _nhs_valid(digits):
            yield m.start(), m.end(), "nhs_number"
    for m in _NHS_CONTEXT.finditer(s):
        yield m.start(1), m.end(1), "nhs_number"


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _cards(s: str) -> Iterator[Span]:
    for m in _CARD.finditer(s):
        digits = "".join(ch for ch in m.group(0) if ch.isdigit())
        if 13 <= len(digits) <= 19 and digits[0] in "23456" and _luhn(digits):
            yield m.start(), m.end(), "card"


_NINO_BAD_FIRST = frozenset("DFIQUV")
_NINO_BAD_SECOND = frozenset("DFIOQUV")
_NINO_BAD_PAIRS = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def _ninos(s: str) -> Iterator[Span]:
    for m in _NINO.finditer(s):
        prefix = m.group(1)
        if not (prefix.isupper() or prefix.islower()):
            continue
        p = prefix.upper()
        if p != "QQ" and (
            p[0] in _NINO_BAD_FIRST or p[1] in _NINO_BAD_SECOND or p in _NINO_BAD_PAIRS
        ):
            continue
        suffix = m.group(5)
        if suffix is not None and suffix.isupper() != prefix.isupper():
            continue
        if suffix is None and not _NINO_CONTEXT.search(s[max(0, m.start() - 40) : m.start()]):
            continue
        yield m.start(), m.end(), "nino"


def _dates(s: str) -> Iterator[Span]:
    for m in _DATE_NUMERIC.finditer(s):
        a, b = int(m.group(1)), int(m.group(3))
        if not ((1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)):
            continue
        if _preceded_by_non_date_word(s, m.start()):
            continue
        if re.match(r"[ ]*(?:-[ ]*)?(?:year|yr|y/?o\b)", s[m.end() : m.end() + 8], re.I):
            continue
        yield m.start(), m.end(), "date"
    for m in _DATE_ISO.finditer(s):
        yield m.start(), m.end(), "date"
    for m in _DATE_DMY_WORDS.finditer(s):
        the, ordinal, month, year = m.group(1), m.group(3), m.group(4), m.group(5)
        if year is None and not ordinal and month in ("may", "mar", "march"):
            continue
        start = m.start() if (the and ordinal) else m.start(2)
        if _preceded_by_non_date_word(s, m.start(2)):
            continue
        yield start, m.end(), "date"
    for m in _DATE_MDY_WORDS.finditer(s):
        month, ordinal, year = m.group(1), m.group(3), m.group(4)
        if year is None and not ordinal:
            if month.lower() in ("may", "mar", "march") or month.islower():
                continue
        yield m.start(), m.end(), "date"
    for m in _DATE_CUE_DM.finditer(s):
        yield m.start(1), m.end(1), "date"
    for m in _DATE_CUE_MY.finditer(s):
        yield m.start(1), m.end(1), "date"


def _addresses(s: str) -> Iterator[Span]:
    for m in _ADDRESS.finditer(s):
        words_part = m.group(3)
        words = words_part.split()
        street_type = m.group(4)
        if words[0].lower() == "the":
            if len(words) != 1:
                continue
        else:
            bare = [w.lower().rstrip(".") for w in words]
            if any(w in _ADDRESS_STOP for w in bare if w not in ("st",)):
                continue
        number_start = m.start(2)
        if m.start() == number_start and _NOT_ADDRESS_BEFORE.search(
            s[max(0, number_start - 24) : number_start]
        ):
            continue
        yield m.start(), m.end(), "address"


# ---- names ---------------------------------------------------------------


def _tier(word: str) -> int:
    """3: a name on its own; 2: needs mid-sentence capital/surname/context; 1: needs
    surname or context; 0: not a listed name."""
    parts = word.lower().split("-")
    if len(parts) > 1 and all(p in _ALL_NAMES for p in parts):
        return 3  # Lily-Rose, Darcie-Mae
    first = parts[0]
    if first in _WORD_NAMES:
        return 1
    if first in _AMBIGUOUS_NAMES:
        return 2
    if first in _FIRST_NAMES:
        return 3
    return 0


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _ok_context_word(word: str) -> bool:
    """A capitalised word accepted as a name from context alone."""
    low = word.lower()
    return not (
        low in _NOT_NAME or low in _PLACES or low in _PLACE_SUFFIXES or len(low) < 2
    )


def _surname_end(s: str, end: int, caps: bool) -> tuple[int, bool]:
    """Extend a first name over the surname(s) after it. Returns (new end, place)
    where place is True when the next word makes the whole thing a place/organisation."""
    m = _SURNAMES_AFTER.match(s, end)
    if not m:
        return end, False
    new_end = end
    pos = end
    for i, tok in enumerate(_SURNAME_TOKEN.finditer(s, end, m.end())):
        word = tok.group(1)
        low = word.lower()
        if word.isupper() != caps and len(word) > 1:
            break
        if low in _PLACE_SUFFIXES and i == 0:
            return end, True
        if low in _NOT_NAME or low in _PLACE_SUFFIXES:
            break
        new_end = tok.end()
        pos = tok.end()
    del pos
    return new_end, False


def _names(s: str, protected: list[tuple[int, int]]) -> Iterator[Span]:
    # 1. titles: Mrs Smith, Mr. O'Connor, Dr Da Silva
    for m in _TITLE_NAME.finditer(s):
        words = _SURNAME_TOKEN.findall(m.group(1))
        if not words or words[0].lower() in _NOT_NAME or words[0].lower() in _PLACE_SUFFIXES:
            continue
        end = m.end()
        if len(words) == 2 and (words[1].lower() in _NOT_NAME or words[1].lower() in _PLACE_SUFFIXES):
            end = m.start(1) + m.group(1).rfind(words[1]) - 1
        yield m.start(), end, "name"

    # 2. listed first names
    for m in _KNOWN_NAME.finditer(s):
        word = m.group(1)
        tier = _tier(word)
        if tier == 0:
            continue
        start, end = m.start(1), m.end(1)
        caps = word.isupper() and len(word) > 2
        capitalised = _is_capitalised(word)
        lower = word.islower()
        if not (caps or capitalised or lower):
            continue
        surname_end, is_place = (end, False) if lower else _surname_end(s, end, caps)
        if is_place:
            continue
        has_surname = surname_end > end
        accept = False
        if lower:
            accept = _in_name_context(s, start, end)
        elif caps:
            accept = tier == 3 or has_surname or _in_name_context(s, start, end)
        elif tier == 3 or has_surname:
            accept = True
        elif tier == 2:
            accept = not _at_sentence_start(s, start) or _in_name_context(s, start, end)
        else:
            accept = _in_name_context(s, start, end)
        if accept:
            yield start, surname_end, "name"

    # 3. any capitalised word in a name context
    for m in _LEFT_CONTEXT.finditer(s):
        yield from _context_name(s, m.start(1), m.group(1))
    for m in _RIGHT_CONTEXT_NAME.finditer(s):
        yield from _context_name(s, m.start(1), m.group(1), trim_left=True)
    for m in _FORM_FIELD.finditer(s):
        yield from _context_name(s, m.start(1), m.group(1), form=True)
    for m in _FAMILY.finditer(s):
        yield from _context_name(s, m.start(1), m.group(1))
    del protected


def _context_name(
    s: str, start: int, text: str, trim_left: bool = False, form: bool = False
) -> Iterator[Span]:
    if text.islower() or (form and text[:1].islower()):
        # lower case: a listed name (name-form fields take any words)
        words = text.split()
        if form and "name" in s[max(0, start - 16) : start].lower():
            kept = []
            for w in words:
                if w in _NOT_NAME or w in _ADDRESS_STOP:
                    break
                kept.append(w)
            if kept:
                yield start, start + len(" ".join(kept)), "name"
            return
        if words and words[0] in _ALL_NAMES and words[0] not in _NOT_NAME:
            yield start, start + len(words[0]), "name"
        return
    tokens = list(_SURNAME_TOKEN.finditer(text))
    if trim_left:
        while tokens and not _ok_context_word(tokens[0].group(1)):
            tokens.pop(0)
    if not tokens:
        return
    first = tokens[0].group(1)
    if not _ok_context_word(first) and _tier(first) == 0:
        return
    if first.lower() in _NOT_NAME or first.lower() in _PLACE_SUFFIXES:
        return
    end = tokens[0].end()
    for tok in tokens[1:]:
        low = tok.group(1).lower()
        if low in _NOT_NAME or low in _PLACE_SUFFIXES:
            break
        end = tok.end()
    yield start + tokens[0].start(), start + end, "name"


def _at_sentence_start(s: str, start: int) -> bool:
    return _SENTENCE_START.search(s[max(0, start - 6) : start]) is not None


def _in_name_context(s: str, start: int, end: int) -> bool:
    if _LEFT_CONTEXT_END.search(s[max(0, start - 40) : start]):
        return True
    if _RIGHT_CONTEXT.match(s, end):
        return True
    return False


# ---------------------------------------------------------------------------
# Putting it together.
# ---------------------------------------------------------------------------


def _detect(s: str) -> list[Span]:
    spans: list[Span] = []
    spans.extend(_emails(s))
    spans.extend(_cards(s))
    spans.extend(_nhs_numbers(s))
    spans.extend(_ninos(s))
    spans.extend(_phones(s))
    spans.extend(_postcodes(s))
    spans.extend(_dates(s))
    spans.extend(_addresses(s))
    protected = [(m.start(), m.end()) for m in _PUBLIC.finditer(s)]
    for start, end, kind in _names(s, protected):
        if any(ps < end and start < pe for ps, pe in protected):
            continue
        spans.append((start, end, kind))
    return _merge(s, spans)


def _merge(s: str, spans: list[Span]) -> list[Span]:
    """Union overlapping spans (kind of the most specific detector), then join names
    separated only by spaces ("[name] [name]" -> "[name]")."""
    spans = [sp for sp in spans if sp[1] > sp[0]]
    spans.sort(key=lambda sp: (sp[0], -sp[1]))
    merged: list[list[Any]] = []
    for start, end, kind in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            if _PRIORITY[kind] < _PRIORITY[last[2]]:
                last[2] = kind
            continue
        if (
            merged
            and kind == "name"
            and merged[-1][2] == "name"
            and s[merged[-1][1] : start].strip(" ") == ""
        ):
            merged[-1][1] = end
            continue
        merged.append([start, end, kind])
    return [(a, b, k) for a, b, k in merged]


def redact(text: str) -> RedactionResult:
    """Find the personal data in ``text`` and replace each item by a placeholder."""
    if not isinstance(text, str):
        raise TypeError(f"redact() expects str, not {type(text).__name__}")
    if not text:
        return RedactionResult(text, ())

    # Remove invisible characters, remembering where they were.
    marks: list[int] = []  # clean index at which removed characters sat
    shifts: list[int] = []  # total removed characters up to and including that run
    if _INVISIBLE.search(text):
        pieces: list[str] = []
        pos = 0
        removed = 0
        for m in _INVISIBLE.finditer(text):
            pieces.append(text[pos : m.start()])
            removed += m.end() - m.start()
            marks.append(m.start() - (removed - (m.end() - m.start())))
            shifts.append(removed)
            pos = m.end()
        pieces.append(text[pos:])
        clean = "".join(pieces)
    else:
        clean = text
    s = clean.translate(_TRANSLATE)

    spans = _detect(s)
    if not spans:
        return RedactionResult(text, ())

    def orig(c: int) -> int:
        i = bisect_right(marks, c)
        return c + (shifts[i - 1] if i else 0)

    out: list[str] = []
    redactions: list[Redaction] = []
    pos = 0
    for start, end, kind in spans:
        o_start = orig(start)
        o_end = orig(end - 1) + 1
        out.append(text[pos:o_start])
        out.append(PLACEHOLDERS[kind])
        redactions.append(Redaction(kind, o_start, o_end))
        pos = o_end
    out.append(text[pos:])
    return RedactionResult("".join(out), tuple(redactions))


def redact_text(text: str) -> str:
    """``text`` with personal data replaced by placeholders."""
    return redact(text).text


def redact_mapping(data: Any, keys: Iterable[str] = ("text", "message")) -> Any:
    """A copy of a JSON-like structure with every string under one of ``keys`` redacted.

    Dicts and lists are walked recursively; under a matching key, every string at any
    depth is redacted. Other values are returned unchanged (and not copied)."""
    wanted = frozenset(keys)

    def walk(value: Any, inside: bool) -> Any:
        if isinstance(value, str):
            return redact_text(value) if inside else value
        if isinstance(value, dict):
            return {k: walk(v, inside or k in wanted) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, inside) for v in value]
        if isinstance(value, tuple):
            return tuple(walk(v, inside) for v in value)
        return value

    return walk(data, False)
