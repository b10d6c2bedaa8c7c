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
    * a title and a surname: "Mrs Smith", "Mr. O'Connor", "Dr Okonkwo", "Mx Da Silva"
      (titles written with a capital: "mrs smith" is not caught);
    * a first name from the embedded list (``_FIRST_NAMES``: about 1,500 common first
      names of UK children and adults of many backgrounds), with the capitalised
      surname(s) after it; first names that are also ordinary words or places
      (``_AMBIGUOUS_NAMES``: Grace, Ivy, Jade, Jack, Precious...) count when written with
      a capital in mid-sentence or when a surname or a name context goes with them, and
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
    Every repetition in every pattern is bounded and patterns start on a character
    class, so matching is linear in the input: a 1 MB adversarial string ('a' * 10**6,
    '1 ' * 500000, 'Mr ' * 300000) takes a fraction of a second; 1 MB that is all
    identifiers takes a few seconds (there is Python work per identifier found). Any
    ``str`` is accepted: NUL and other control characters count as spaces; zero-width
    and bidi control characters are ignored while matching, so "0770\\u200b0 900123" is
    still a phone number (the positions are mapped back to the original text, and
    invisible characters inside a redacted span go with it); unusual spaces, dashes,
    apostrophes and non-ASCII decimal digits are normalised for matching only. Up to
    three spaces are accepted wherever a pattern allows a space. Placeholders are never
    themselves redacted, so redacting redacted text changes nothing.
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
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]+")

# No pattern allows more than three spaces in a row, so the inside of a longer run of
# spaces can be blanked out (with a word character that nothing matches) without
# changing any match: a megabyte of spaces then offers no place to start a match.
_LONG_SPACES = re.compile(" {4,}")


def _blank_long_spaces(m: re.Match[str]) -> str:
    return " " + "_" * (m.end() - m.start() - 2) + " "


_TRANSLATE: dict[int, str] = {
    # control characters (NUL included) act as spaces
    **{c: " " for c in range(0x00, 0x20) if c not in (0x09, 0x0A, 0x0D)},
    0x7F: " ",
    # unusual spaces and line separators
    0x00A0: " ",
    0x1680: " ",
    **{c: " " for c in range(0x2000, 0x200B)},
    0x202F: " ",
    0x205F: " ",
    0x3000: " ",
    0x2028: "\n",
    0x2029: "\n",
    # dashes and minus signs
    **{c: "-" for c in range(0x2010, 0x2016)},
    0x2212: "-",
    0xFE58: "-",
    0xFE63: "-",
    0xFF0D: "-",
    # apostrophes and the full-width at sign / full stop / plus
    0x2018: "'",
    0x2019: "'",
    0x02BC: "'",
    0x2032: "'",
    0xFF07: "'",
    0xFF20: "@",
    0xFF0E: ".",
    0xFF0B: "+",
    # decimal digits of other scripts
    **{
        base + i: str(i)
        for base in (
            0x0660,
            0x06F0,
            0x07C0,
            0x0966,
            0x09E6,
            0x0A66,
            0x0AE6,
            0x0B66,
            0x0BE6,
            0x0C66,
            0x0CE6,
            0x0D66,
            0x0E50,
            0x0ED0,
            0x0F20,
            0x1040,
            0x17E0,
            0x1810,
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
    amber april austin bailey blessing bonnie brooke carter cooper crystal daisy dakota jack
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
    urgent emergency immediate danger significant welfare wellbeing birthday birthdays
    name names address addresses postcode phone mobile tel telephone number email contact
    contacts date dob birth born age aged details record records notes
    english british welsh scottish irish polish romanian lithuanian latvian slovak
    czech bulgarian hungarian albanian kosovan ukrainian russian turkish kurdish
    syrian iraqi iranian afghan pakistani indian bangladeshi sri lankan nepali chinese
    vietnamese filipino thai japanese korean somali eritrean ethiopian sudanese
    nigerian ghanaian kenyan ugandan zimbabwean congolese african caribbean jamaican
    american european asian arab arabic mixed roma gypsy traveller
    travellers muslim christian catholic jewish sikh hindu buddhist urdu punjabi
    bengali gujarati tamil pashto farsi dari portuguese spanish italian french german
    dutch news sport sports tv radio online media ltd limited plc fm app
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
    church mosque temple chapel bridge cross gate infants juniors trust foundation
    """.split()
)

# Public figures and cases that the guidance and its reviews discuss. Only distinctive
# full names: a real child who shares one of these names would not be redacted, so
# names common enough to be shared (and bare surnames) are left out - "the Wood
# review" and "Clare's Law" are covered by the eponym rule in ``_PUBLIC`` instead.
_PUBLIC_NAMES: tuple[str, ...] = (
    "lord laming",
    "herbert laming",
    "victoria climbié",
    "victoria climbie",
    "baby peter",
    "baby p",
    "peter connelly",
    "khyra ishaq",
    "daniel pelka",
    "arthur labinjo-hughes",
    "star hobson",
    "eileen munro",
    "alexis jay",
    "louise casey",
    "michael bichard",
    "josh macalister",
    "maria colwell",
    "jasmine beckford",
    "kimberley carlile",
    "tyra henry",
    "victoria gillick",
    "keanu williams",
    "logan mwangi",
    "child q",
    "elizabeth butler-sloss",
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

# ---------------------------------------------------------------------------
# Regular expressions.
#
# Speed. ``re`` skips quickly through the text to the places where a match can start
# only when a pattern begins with a literal character or a character class, and every
# look-behind or look-ahead costs a nested match. So the patterns below start by
# consuming the character *before* the word or number they look for ("[^\w-]" and the
# like; the text is matched with a space in front so that its first word has one), and
# avoid look-arounds on the hot path. Repetition is bounded everywhere, so no pattern can
# backtrack more than a constant amount at any position: matching is linear.
# ---------------------------------------------------------------------------

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
# A capitalised name word: Smith, O'Connor, McDonald, MacLeod, FitzGerald, Harper-Lowe,
# Climbié (not "Freddie's": the possessive is not part of the name).
_CAPWORD = (
    rf"[{_UP}](?:[{_LO}]{{1,30}}|'[{_UP}][{_LO}]{{1,30}}|[{_LO}]{{1,3}}[{_UP}][{_LO}]{{1,30}})"
    rf"(?:-[{_UP}]?[{_LO}]{{1,30}}|'[{_UP}][{_LO}]{{1,30}}){{0,3}}"
)
_CAPS_WORD = rf"[{_UP}]{{2,30}}(?:['-][{_UP}]{{1,30}}){{0,3}}"
_PARTICLE = r"(?:[Dd][aeiu]|[Dd]el|[Dd]ella|[Vv][ao]n|[Dd]e[rn]|[Ll][ae]|[Aa]l|[Ee]l|[Bb]in|[Ii]bn|[Aa]p)"
_CAPSEQ = rf"{_CAPWORD}(?:[ ]{{1,2}}(?:{_PARTICLE}[ ])?{_CAPWORD}){{0,2}}"
_SURNAME_AFTER = rf"[ ]{{1,2}}(?:{_PARTICLE}[ ])?(?:{_CAPWORD}|{_CAPS_WORD})"


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a prefix tree (cheap to run in ``re``)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _led(words: Iterable[str], first_cases: str = "both") -> str:
    """An alternation of ``words`` (given in lower case; matched ignoring case after the
    first letter) whose branches each start with a literal first letter - the shape
    ``re`` dispatches fastest. ``first_cases``: "both", "upper" or "lower"."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    branches: list[str] = []
    for first, rests in sorted(groups.items()):
        rest = _trie(rests)
        rest = f"(?i:{rest})" if rest else ""
        cases = {"both": {first, first.upper()}, "upper": {first.upper()}, "lower": {first}}
        branches.extend(re.escape(ch) + rest for ch in sorted(cases[first_cases]))
    return "(?:" + "|".join(branches) + ")"


def _two_letter_gate(words: Iterable[str]) -> str:
    """A look-ahead for the first two letters of ``words``, in either case."""
    seconds: dict[str, set[str]] = {}
    for word in words:
        if len(word) > 1:
            seconds.setdefault(word[0], set()).update({word[1], word[1].upper()})
    branches: list[str] = []
    for first, chars in sorted(seconds.items()):
        cls = "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
        branches.extend(re.escape(f) + cls for f in sorted({first, first.upper()}))
    return "(?=" + "|".join(branches) + ")"


# ---- structured identifiers ------------------------------------------------

_EMAIL_AT = re.compile(r"@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24})(?![\w-])")
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9._%+'\-]{1,64}\Z")

_PHONE = re.compile(
    r"[^\w+]((?:\+[ ]?44[ ]?(?:\(0\)[ ]?|0[ ]?)?|0044[ ]?(?:\(0\)[ ]?|0[ ]?)?|\([ ]?0[ ]?|0)"
    r"([1-9](?:[ \-.)]{0,2}[0-9]){7,9}))(?![0-9])"
)
_PHONE_SEPARATORS = str.maketrans("", "", " -.()")

_NINO_BAD_FIRST = frozenset("DFIQUV")
_NINO_BAD_SECOND = frozenset("DFIOQUV")
_NINO_BAD_PAIRS = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})

# ---- dates -------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_GATE = re.compile(
    r"[JFMASONDjfmasond](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|AN|EB|AR|PR|AY|UN|UL|UG|EP|CT|OV|EC)"
)
_YEAR = r"((?:19|20)[0-9]{2}|'?[0-9]{2})(?![0-9]|[:.][0-9])"
# Numbers that start after a separator, in one scan (their shapes do not overlap):
#   nhs     943 476 5919, 943-476-5919, 9434765919 (checked with Modulus 11)
#   card    13-19 digits, 4-4-4-4 or 4-6-5 (checked with Luhn)
#   dmy     03/04/2017, 3.4.17, 3-4-2017 (day and month checked)
#   iso     2017-04-03
_NUMBERS = re.compile(
    r"[^\w.\-/](?:"
    r"(?P<nhs>[1-9][0-9]{2}(?P<nhs_sep>[ -]?)[0-9]{3}(?P=nhs_sep)[0-9]{4})"
    r"|(?P<card>[2-6](?:[0-9]{12,18}"
    r"|[0-9]{3}(?P<cs1>[ -])[0-9]{4}(?P=cs1)[0-9]{4}(?P=cs1)[0-9]{1,7}"
    r"|[0-9]{3}(?P<cs2>[ -])[0-9]{6}(?P=cs2)[0-9]{4,5}))"
    r"|(?P<dmy>[0-9]{1,2}(?P<dsep>[/.\-])[0-9]{1,2}(?P=dsep)(?:(?:19|20)[0-9]{2}|[0-9]{2}))"
    r"|(?P<iso>(?:19|20)[0-9]{2}(?P<isep>[/.\-])(?:1[0-2]|0?[1-9])(?P=isep)"
    r"(?:3[01]|[12][0-9]|0?[1-9]))"
    r")\b(?![./\-][0-9])"
)
# 3rd April 2017, 12th of May 2015, 3 Apr 17, 1-Jun-06, 18 January
_DATE_DMY = re.compile(
    rf"[^\w.](([0-9]{{1,2}})((?i:st|nd|rd|th))?(?:[ ]{{1,3}}(?i:of))?(?:[ ]{{1,3}}|-|/)"
    rf"((?i:{_MONTH}))(?![A-Za-z])\.?(?:,?(?:[ ]{{1,3}}|-|/){_YEAR})?)"
)
# April 3, 2017; July 7th 2012; May 17th
_DATE_MDY = re.compile(
    rf"[^\w.](((?i:{_MONTH}))(?![A-Za-z])\.?[ ]{{1,3}}(?:(?i:the)[ ]{{1,3}})?([0-9]{{1,2}})"
    rf"((?i:st|nd|rd|th))?(?![0-9A-Za-z])(?:,?[ ]{{1,3}}{_YEAR})?)"
)
# Codes that start with letters after a separator, in one scan:
#   nhs_ctx   "NHS no: 9880860507" - any 10 digits after "NHS (no|number)"
#   birth     "birthday's 26/07", "born in May 2015" - a day/month without a year, or a
#             month and a year, after a birth word
#   nino      AB 12 34 56 C (prefix rules checked in Python)
#   postcode  LS6 2AB, ls62ab, GIR 0AA
_CODES = re.compile(
    r"[^\w](?:"
    r"(?:[Nn][Hh][Ss]|[Cc][Hh][Ii])"
    r"(?:[ ]?(?i:no\.?|num(?:ber)?\.?|#)(?:[ ](?i:is))?|[ ](?i:number[ ]is))?"
    r"[ ]{0,3}[:\-]?[ ]{0,3}(?P<nhs_ctx>[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4})(?![0-9])"
    r"|(?:[Dd]\.?[Oo]\.?[Bb]\.?|[Dd](?i:ate[ ]of[ ]birth)|[Bb](?i:orn|irthday(?:'s)?|'?day(?:'s)?))"
    r"(?![A-Za-z])[ ]{0,3}[:\-]?[ ]{0,3}(?:(?i:is|was)[ ]{1,3})?(?:(?i:on|in)[ ]{1,3})?"
    r"(?:(?i:the)[ ]{1,3})?"
    r"(?:(?P<birth_dm>[0-9]{1,2}[/.\-][0-9]{1,2})(?![0-9]|[/.\-][0-9])"
    rf"|(?P<birth_my>(?i:{_MONTH})\.?[ ]{{1,3}}(?:19|20)[0-9]{{2}})(?![0-9]))"
    r"|(?P<nino>[A-Za-z]{2}[ ]?[0-9]{2}[ ]?[0-9]{2}[ ]?[0-9]{2}"
    r"(?:[ ]?(?P<nino_suffix>[A-Da-d]))?)\b"
    r"|(?P<postcode>[Gg][Ii][Rr][ ]?0[Aa][Aa]"
    r"|[A-PR-UWYZa-pr-uwyz](?:[0-9][0-9]?|[A-HK-Ya-hk-y][0-9][0-9]?|[0-9][A-HJKPSTUWa-hjkpstuw]"
    r"|[A-HK-Ya-hk-y][0-9][ABEHMNPRVWXYabehmnprvwxy])"
    r"[ ]{0,2}(?P<inward>[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}))\b"
    r")"
)
# Words before a number that make it something other than a date or a house number.
_NOT_NUMBER_WORDS: frozenset[str] = frozenset(
    """
    para paras paragraph paragraphs section sections s ss chapter chap ch appendix annex
    clause article art page pages p pp version ver v level levels year years yr yrs ks
    table figure fig step stage part schedule regulation reg rule standard ref reference
    room ward bay bed grade question q item point box line age aged under over top score
    scored rated within every about around nearly almost than §
    """.split()
)

# ---- addresses -----------------------------------------------------------------

_STREET_TYPES = (
    "road rd street st lane ln avenue ave av close cl drive dr crescent cres grove gr "
    "gardens gdns terrace tce mews square sq parade pde boulevard croft wynd fold way "
    "court ct place pl walk hill view park row rise green vale gate bank chase mount "
    "meadow meadows yard brow approach circus quay wharf promenade embankment heights "
    "side end field fields grange glade dene garth nook ridge"
).split()
# house number, 1-3 street words (or "The"), street type
_ADDRESS = re.compile(
    r"[^\w£$.,/\-]([0-9]{1,4}[A-Za-z]?(?:[ ]?-[ ]?[0-9]{1,4}[A-Za-z]?)?),?[ ]{1,3}"
    r"((?:[A-Za-z][A-Za-z'\-]{0,30}\.?[ ]{1,3}){1,4})"
    rf"((?i:{_trie(_STREET_TYPES)}))\.?(?![\w'-])"
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
    working school schools classes class lessons points point step steps level levels
    stage stages sessions session visits visit calls call referrals cases case act acts
    law laws edition guidance report review update version chapter section paragraph page
    appendix article
    """.split()
)
_BUILDING_WORDS = (
    "House Court Tower Heights Lodge Mansions Buildings Point Apartments Block Hall Place "
    "Gardens View Cottage Cottages Farm"
).split()
_BUILDING_BEFORE = re.compile(
    rf"(?:{_CAPWORD}[ ]{{1,3}}){{1,2}}(?:{'|'.join(_BUILDING_WORDS)})[ ]{{0,3}},?[ ]{{0,3}}\Z"
)
_FLAT_BEFORE = re.compile(
    r"(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt|[Uu]nit|[Mm]aisonette)\.?[ ]{0,3}[0-9]{1,4}[A-Za-z]?"
    r"[ ]{0,3},?[ ]{0,3}\Z"
)

# ---- names -----------------------------------------------------------------------

_TITLES = "Mr Mrs Ms Miss Mx Dr Mstr Prof Rev Revd".split()
# (Upper-case-led patterns start with the capital itself; that it starts a word is
# checked on the hits, in ``_starts_word``.)
_TITLE_NAME = re.compile(
    r"(M(?:iss|ISS|str|rs|RS|r|R|s|x)|D[rR]|Prof|Revd?)"
    rf"\.?(?![A-Za-z])[ ]{{1,2}}(?!(?:{'|'.join(_TITLES)})\b)"
    rf"((?:{_PARTICLE}[ ])?{_CAPWORD}(?:[ ](?:{_PARTICLE}[ ])?{_CAPWORD})?)\b"
)
# Listed first names with up to two capitalised words after them; names that are also
# everyday words (May, Will, Mark) only with at least one such word after them.
_KNOWN_NAME = re.compile(
    rf"({_led(_ALL_NAMES - _WORD_NAMES, 'upper')}(?:-[A-Za-z][a-z]{{1,30}}){{0,2}})\b"
    rf"((?:{_SURNAME_AFTER}){{0,2}})\b"
)
_WORD_NAME = re.compile(
    rf"({_led(_WORD_NAMES, 'upper')})\b(?!-)"
    rf"((?:{_SURNAME_AFTER}){{1,2}})\b"
)
_NAME_TOKEN = re.compile(rf"(?:{_PARTICLE}[ ])?({_CAPWORD}|{_CAPS_WORD}|[{_LO}]{{1,30}})")
_LOWER_NAME = _led((n for n in _ALL_NAMES if n not in _WORD_NAMES), "lower")

_KIN_WORDS = (
    """
son daughter child kid boy girl baby brother sister sibling twin nephew niece cousin mum mom
mam mummy mother dad daddy father parent nan nana nanna nanny gran granny grandma grandmother
grandad granddad grandpa grandfather grandson granddaughter grandchild aunt auntie aunty
uncle partner boyfriend girlfriend husband wife ex ex-partner ex-husband ex-wife fiance
fiancé fiancee carer friend neighbour neighbor lodger stepson stepdaughter stepdad stepmum
stepfather stepmother stepbrother stepsister step-son step-daughter step-dad step-mum
half-brother half-sister foster-carer pupil student learner patient client claimant
resident tenant teacher colleague officer pc dc ds sgt sw worker nurse midwife visitor hv ta
tutor coach yp lad lass toddler infant newborn applicant suspect victim perpetrator
offender called named nicknamed aka
""".split()
    + [
        "young person",
        "young carer",
        "known as",
        "mum of",
        "mother of",
        "dad of",
        "father of",
        "carer of",
        "parent of",
        "i'm",
        "i am",
        "this is",
        "name is",
        "name's",
        "name given as",
        "names are",
    ]
)
_FORM_LABELS = [
    "child's name",
    "childs name",
    "child name",
    "full name",
    "name",
    "child",
    "young person",
    "yp",
    "pupil",
    "student",
    "patient",
    "client",
    "claimant",
    "subject",
    "mother",
    "father",
    "mum",
    "dad",
    "parent",
    "carer",
    "surname",
    "forename",
    "first name",
]
_POSSESSIVES = ["my", "his", "her", "their", "child", "childs", "boy", "girl"]
_POSSESSIONS = (
    r"mum|mummy|mom|mother|dad|daddy|father|nan|nana|nanna|gran|granny|grandma|grandad"
    r"|grandparents|brother|sister|siblings?|aunt|auntie|uncle|family|parents?|carers?"
    r"|step-?dad|step-?mum|stepfather|stepmother|boyfriend|girlfriend|partner|friends?"
    r"|records?|details|file|notes|school|class|teacher|address|house|home|phone|number"
    r"|mobile|birthday|dob|behaviour|bedroom|room|social[ ]worker|name|case|plan|cousin"
    r"|baby|son|daughter|kids|children|ex"
)
_DOB_WORD = r"(?:dob|d\.o\.b\.?|date[ ]of[ ]birth)\b"
_AGE_AFTER = (
    r"aged?[ ]{1,3}[0-9]{1,2}\b"
    r"|who(?:'s|[ ]is|[ ]was|[ ]turned)[ ]{1,3}(?:only[ ]|just[ ]|now[ ])?[0-9]{1,2}\b"
    r"|(?:was[ ]{1,3})?born\b"
)
# What can follow a name: "(age 7)", "(15)", "(Y4)", "(mum)", "(03/04/16)", "'s mum",
# ", aged 9", "who is 9", "is 14", "told me", "in my tutor group", "DOB", "born", "2 weeks
# old". Grouped by the first character so that a mismatch fails at once.
_RIGHT_CONTEXT = (
    r"(?i:"
    rf"'s?[ ]{{1,3}}(?:{_POSSESSIONS})\b"
    r"|[ ]{0,3}\([ ]{0,3}(?:"
    r"(?:aged?[ ]{0,3})?[0-9]{1,2}(?:[ ]{0,3}(?:yrs?|years?(?:[ ]old)?|y/?o|months?|m))?"
    r"|(?:y|yr|year)[ ]{0,3}[0-9]{1,2}"
    rf"|{_POSSESSIONS}"
    r"|(?:dob|d\.o\.b\.?|born|b\.)?[ :]*[0-9]{1,2}(?:[/.\-][0-9]{1,2}[/.\-][0-9]{2,4}"
    r"|(?:st|nd|rd|th)?[ ]{1,3}[a-z]{3,9}\.?,?[ ]{1,3}[0-9]{2,4})"
    r")[ ]{0,3}\)"
    rf"|[ ]{{0,3}}[,(\-][ ]{{0,3}}{_DOB_WORD}"
    rf"|,[ ]{{1,3}}(?:{_AGE_AFTER})"
    r"|[ ]{1,3}(?:"
    rf"{_AGE_AFTER}|{_DOB_WORD}"
    r"|is[ ]{1,3}(?:only[ ]|just[ ]|now[ ])?[0-9]{1,2}(?![0-9:.%]|[a-z])"
    r"|(?:told|tells|disclosed|discloses|confided|has[ ]told|has[ ]disclosed)\b"
    r"|in[ ]{1,3}(?:my|our|his|her|the[ ]same)[ ]{1,3}(?:class|tutor[ ]group|form|group|set)\b"
    r"|[0-9]{1,2}[ ]{1,3}(?:days?|weeks?|months?|years?|yrs?)[ ]{1,3}old\b"
    r"))"
)
# A capitalised word followed by a name context (consumed, not looked ahead at).
_RIGHT_CONTEXT_NAME = re.compile(rf"({_CAPWORD}){_RIGHT_CONTEXT}")
_CAPWORDS_BEFORE = re.compile(rf"(?:{_CAPWORD}[ ]{{1,2}}){{1,2}}\Z")

# Everything that starts with a context word, in one scan (one of these per place):
#   form      "Mum: Kerry Smith", "Name - Bianca Walker", "pupil:Filip Ahmed"
#   nameis    "my name is ebere okoro" (any lower-case words)
#   kin       "my son Luca", "a boy called tyler", "dad (Ricky Nowak)", "I'm Donna"
#   lower     "tia in my tutor group", "deshawn's mum" (a listed name in lower case)
_CONTEXT_SEP = r"(?:[ ]{0,3}[,:(\-][ ]{0,3}|[ ]{1,3})"
_CONTEXT_WORDS = re.compile(
    r"[ \t\n\r(\[{\"/:;,.!?*&+<>|=~]"
    rf"{_two_letter_gate([*_FORM_LABELS, *_POSSESSIVES, *_KIN_WORDS, *_ALL_NAMES])}(?:"
    rf"(?P<form>{_led(_FORM_LABELS)})(?![\w'])[ ]{{0,3}}(?::|[ ]-)[ ]{{0,3}}"
    rf"(?P<form_value>{_CAPSEQ}|[{_LO}]{{1,30}}(?:[ ][{_LO}]{{1,30}}){{0,2}})\b"
    rf"|{_led(_POSSESSIVES)}"
    r"(?:'s)?[ ]{1,3}(?i:name)(?:[ ]{1,3}(?i:is)|'s|[ ]{1,3}(?i:given[ ]as))[ ]{0,3}:?[ ]{0,3}"
    rf"(?P<nameis>[{_LO}]{{1,30}}(?:[ ][{_LO}]{{1,30}})?)\b"
    rf"|(?P<kin>{_led(_KIN_WORDS)})(?:[ ]{{1,3}}(?i:is|was|called|named))?(?![\w'])"
    rf"{_CONTEXT_SEP}(?P<kin_name>{_CAPSEQ}|{_LOWER_NAME})\b"
    rf"|(?P<lower>{_LOWER_NAME})\b(?!-){_RIGHT_CONTEXT}"
    r")"
)
_FAMILY = re.compile(
    rf"[Tt]he[ ]{{1,3}}({_CAPWORD}(?:[ -]{_CAPWORD})?)[ ]{{1,3}}"
    r"(?i:family|families|household|children|kids|twins|boys|girls|siblings|brothers|sisters)\b"
)

# Well-known people and cases in the guidance, and eponymous documents.
_PUBLIC = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(n) for n in _PUBLIC_NAMES) + r"))(?!\w)"
    rf"|(?:(?i:\bthe)[ ]{{1,3}}{_CAPSEQ}[ ]{{1,3}}(?i:review|report|inquiry|enquiry))"
    rf"|(?:{_CAPSEQ}[ ]{{1,3}}(?i:competence|competent|guidelines|principles|test|ruling|judgment))"
    rf"|(?:{_CAPWORD}'s[ ]{{1,3}}Law)"
)
_PUBLIC_WORDS: frozenset[str] = frozenset(w for n in _PUBLIC_NAMES for w in n.replace("-", " ").split()) | frozenset(
    "review report inquiry enquiry competence competent guidelines principles test ruling judgment law".split()
)


# ---------------------------------------------------------------------------
# Detectors. Each yields (start, end, kind) in the text being matched (which has a
# space in front of the original).
# ---------------------------------------------------------------------------

Span = tuple[int, int, str]


def _word_before(s: str, pos: int) -> str:
    """The word just before ``pos`` (lower case, without trailing dots or brackets)."""
    words = s[max(0, pos - 24) : pos].rsplit(None, 1)
    return words[-1].strip(".(").lower() if words else ""


def _number_is_not_a_date(s: str, pos: int, allow_number: bool = False) -> bool:
    """Whether the number at ``pos`` follows "para", "section", "Year", ...; with
    ``allow_number`` False, also "no"/"number"."""
    prev = s[pos - 1]
    if prev != " " and prev != "§" and not prev.isalpha():
        return False
    if prev == " " and not (s[pos - 2].isalpha() or s[pos - 2] in ".§"):
        return False
    word = _word_before(s, pos)
    if word in _NOT_NUMBER_WORDS:
        return True
    if not allow_number and word in ("no", "number"):
        return True
    return word in ("stage", "of") and s[max(0, pos - 12) : pos].lower().rstrip(" ").endswith(("key stage", "out of"))


def _emails(s: str) -> Iterator[Span]:
    for m in _EMAIL_AT.finditer(s):
        at = m.start()
        local = _EMAIL_LOCAL.search(s, max(0, at - 64), at)
        if not local:
            continue
        start = local.start()
        while start < at and not s[start].isalnum():
            start += 1
        if start < at:
            yield start, m.end(), "email"


def _phones(s: str) -> Iterator[Span]:
    for m in _PHONE.finditer(s):
        nsn = m.group(2).translate(_PHONE_SEPARATORS)
        if nsn in _HELPLINES:
            continue
        if len(nsn) == 10:
            if nsn[0] not in "123578":
                continue
        elif len(nsn) != 9 or nsn[0] not in "18":
            continue
        yield m.start(1), m.end(1), "phone"


def _nhs_valid(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _numbers(s: str) -> Iterator[Span]:
    """NHS numbers, card numbers and numeric dates."""
    for m in _NUMBERS.finditer(s):
        kind = next(k for k in ("nhs", "card", "dmy", "iso") if m.group(k) is not None)
        start, end = m.span(kind)
        text = s[start:end]
        if kind == "nhs":
            digits = text.replace(" ", "").replace("-", "")
            if digits.count(digits[0]) < 10 and _nhs_valid(digits):
                yield start, end, "nhs_number"
        elif kind == "card":
            digits = text.replace(" ", "").replace("-", "")
            if 13 <= len(digits) <= 19 and _luhn(digits):
                yield start, end, "card"
        elif kind == "dmy":
            a, b, _ = text.split(m.group("dsep"))
            x, y = int(a), int(b)
            if not ((1 <= x <= 31 and 1 <= y <= 12) or (1 <= x <= 12 and 1 <= y <= 31)):
                continue
            if _number_is_not_a_date(s, start):
                continue
            if s[end : end + 8].lower().lstrip(" -").startswith(("year", "yr", "yo", "y/o")):
                continue  # "10-11-12 year olds"
            yield start, end, "date"
        else:
            yield start, end, "date"


_NINO_BAD_FIRST = frozenset("DFIQUV")
_NINO_BAD_SECOND = frozenset("DFIOQUV")
_NINO_BAD_PAIRS = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def _codes(s: str) -> Iterator[Span]:
    """Postcodes, NI numbers, NHS numbers after "NHS no", dates after birth words."""
    for m in _CODES.finditer(s):
        if m.group("postcode") is not None:
            inward = m.group("inward")
            if inward is not None and inward.islower() and inward[1:] in ("st", "nd", "rd", "th"):
                continue  # "y6 2nd", "m1 4th"
            yield m.start("postcode"), m.end("postcode"), "postcode"
        elif m.group("nino") is not None:
            start = m.start("nino")
            prefix = s[start : start + 2]
            suffix = m.group("nino_suffix")
            if not (prefix.isupper() or prefix.islower()):
                continue
            if suffix is not None and suffix.isupper() != prefix.isupper():
                continue
            p = prefix.upper()
            if p != "QQ" and (  # QQ: HMRC's specimen prefix, which people copy
                p[0] in _NINO_BAD_FIRST or p[1] in _NINO_BAD_SECOND or p in _NINO_BAD_PAIRS
            ):
                continue
            if suffix is None:
                before = s[max(0, start - 32) : start].lower()
                if not any(w in before for w in ("ni ", "ni:", "nino", "insurance")):
                    continue
            yield start, m.end("nino"), "nino"
        elif m.group("nhs_ctx") is not None:
            yield m.start("nhs_ctx"), m.end("nhs_ctx"), "nhs_number"
        elif m.group("birth_dm") is not None:
            day, _, month = re.split(r"([/.\-])", m.group("birth_dm"))
            if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
                yield m.start("birth_dm"), m.end("birth_dm"), "date"
        else:
            yield m.start("birth_my"), m.end("birth_my"), "date"


def _dates(s: str) -> Iterator[Span]:
    """Dates with the month in words."""
    if _MONTH_GATE.search(s) is None:
        return
    for m in _DATE_DMY.finditer(s):
        start = m.start(1)
        ordinal, month, year = m.group(3), m.group(4), m.group(5)
        if not 1 <= int(m.group(2)) <= 31:
            continue
        if year is None and not ordinal and month in ("may", "mar", "march"):
            continue
        if _number_is_not_a_date(s, start):
            continue
        if ordinal and s[start - 4 : start].lower() == "the " and not s[start - 5].isalnum():
            start -= 4  # "the 12th of May"
        yield start, m.end(1), "date"
    for m in _DATE_MDY.finditer(s):
        month, day, ordinal, year = m.group(2), int(m.group(3)), m.group(4), m.group(5)
        if not 1 <= day <= 31:
            continue
        if year is None and not ordinal:
            if month.islower() or month.lower() in ("may", "mar", "march"):
                continue
        yield m.start(1), m.end(1), "date"


def _addresses(s: str) -> Iterator[Span]:
    for m in _ADDRESS.finditer(s):
        words = [w.lower().rstrip(".") for w in m.group(2).split()]
        if words[0] == "the":
            if len(words) != 1:
                continue  # "48 The Green" only
        elif len(words) - (words[0] == "st") > 3 or any(w in _ADDRESS_STOP for w in words if w != "st"):
            continue
        start = m.start(1)
        if s[start - 1] == ":" and s[start - 2].isdigit():
            continue  # a time, "10:30 ..."
        if _number_is_not_a_date(s, start, allow_number=True):
            continue
        # "Flat 3, " and "Beckett House, " in front belong to the address
        if s[start - 1] in " ,":
            before = s[max(0, start - 80) : start]
            if before.rstrip(" ,").endswith(tuple(_BUILDING_WORDS)):
                b = _BUILDING_BEFORE.search(before)
                if b:
                    start -= len(before) - b.start()
                    before = s[max(0, start - 40) : start]
            if before.rstrip(" ,")[-1:].isalnum():
                f = _FLAT_BEFORE.search(before)
                if f and (f.start() == 0 or not before[f.start() - 1].isalnum()):
                    start -= len(before) - f.start()
        yield start, m.end(3), "address"


# ---- names ---------------------------------------------------------------


def _tier(word: str) -> int:
    """3: a name on its own; 2: needs a mid-sentence capital, a surname or a context;
    1: needs a surname or a context; 0: not a listed name."""
    low = word.lower()
    if "-" in low:
        parts = low.split("-")
        if all(p in _ALL_NAMES for p in parts):
            return 3  # Lily-Rose, Darcie-Mae
        low = parts[0]
    if low in _WORD_NAMES:
        return 1
    if low in _AMBIGUOUS_NAMES:
        return 2
    return 3 if low in _FIRST_NAMES else 0


def _at_sentence_start(s: str, pos: int) -> bool:
    before = s[max(0, pos - 8) : pos].rstrip(" \t")
    return not before or before[-1] in ".!?:;\n\"'([-|/"


def _not_name(word: str) -> bool:
    low = word.lower()
    return low in _NOT_NAME or low in _PLACE_SUFFIXES


def _starts_word(s: str, start: int) -> bool:
    """Whether ``start`` is the start of a word (and not the Connor of O'Connor)."""
    before = s[start - 1]
    if before == "'":
        return not s[start - 2].isalnum()
    return not (before.isalnum() or before in "-_")


def _surname_end(s: str, end: int, limit: int, caps: bool) -> int:
    """End of the surname(s) between a first name ending at ``end`` and ``limit``; -1
    when the next word makes it a place or an organisation ("Victoria Road")."""
    new_end = end
    for i, tok in enumerate(_NAME_TOKEN.finditer(s, end, limit)):
        word = tok.group(1)
        low = word.lower()
        if i == 0 and low in _PLACE_SUFFIXES:
            return -1
        if low in _NOT_NAME or low in _PLACE_SUFFIXES or (word.isupper() and not caps):
            break
        new_end = tok.end()
    return new_end


def _context_tokens(s: str, start: int, end: int, any_listed: bool) -> Span | None:
    """A name found from its context: the capitalised words from ``start`` to ``end``
    that can be a name. ``any_listed``: a listed first name is accepted even when it is
    also an ordinary word ("my son Will")."""
    tokens = list(_NAME_TOKEN.finditer(s, start, end))
    if not tokens:
        return None
    first = tokens[0].group(1)
    low = first.lower()
    if first.islower():
        if low in _ALL_NAMES and low not in _WORD_NAMES:
            return tokens[0].start(1), tokens[0].end(1), "name"
        return None
    if not (any_listed and low in _ALL_NAMES) and (_not_name(first) or low in _PLACES or len(low) < 2):
        return None
    stop = tokens[0].end(1)
    for tok in tokens[1:]:
        word = tok.group(1)
        if word.islower() or _not_name(word):
            break
        stop = tok.end(1)
    return tokens[0].start(1), stop, "name"


def _listed_names(s: str, pattern: re.Pattern[str]) -> Iterator[Span]:
    """Listed first names (``_KNOWN_NAME`` / ``_WORD_NAME``) with their surnames."""
    pos = 0
    while True:
        m = pattern.search(s, pos)
        if m is None:
            return
        start, end = m.span(1)
        pos = end
        if not _starts_word(s, start):
            continue
        word = m.group(1)
        caps = word.isupper()
        if caps and len(word) < 3:
            continue
        tier = _tier(word)
        if tier == 0:
            continue
        surname_end = _surname_end(s, end, m.end(2), caps) if m.group(2) else end
        if surname_end < 0:
            continue
        if tier == 3 or surname_end > end or (tier == 2 and not _at_sentence_start(s, start)):
            yield start, surname_end, "name"
            pos = surname_end


# After a title almost any capitalised word is a surname (Mrs May, Mr Green, Ms Kelly).
_NOT_SURNAME_AFTER_TITLE: frozenset[str] = frozenset(
    """
    a an and or the is was are were of to in on at for from with by said says told asked
    i he she it we they you not no yes if so but as barnardo barnardo's
    """.split()
)


def _names(s: str) -> Iterator[Span]:
    # titles: Mrs Smith, Mr. O'Connor, Dr Da Silva
    for m in _TITLE_NAME.finditer(s):
        tokens = list(_NAME_TOKEN.finditer(s, m.start(2), m.end(2)))
        if not tokens or not _starts_word(s, m.start(1)):
            continue
        low = tokens[0].group(1).lower()
        if low in _NOT_SURNAME_AFTER_TITLE or (low in _NOT_NAME and low not in _ALL_NAMES):
            continue
        end = tokens[0].end(1)
        if len(tokens) > 1 and not _not_name(tokens[1].group(1)):
            end = tokens[1].end(1)
        yield m.start(1), end, "name"

    # listed first names, capitalised or in capitals, with the surnames after them
    yield from _listed_names(s, _KNOWN_NAME)
    yield from _listed_names(s, _WORD_NAME)

    # a name context before: "my son X", "called X", "Mum: X", "I'm X", "my name is x"
    for m in _CONTEXT_WORDS.finditer(s):
        span: Span | None
        if m.group("form") is not None:
            label = m.group("form").lower()
            value = m.group("form_value")
            if value.islower() and "name" in label:
                kept: list[str] = []
                for w in value.split():
                    if w in _NOT_NAME or w in _ADDRESS_STOP:
                        break
                    kept.append(w)
                if kept:
                    start = m.start("form_value")
                    yield start, start + len(" ".join(kept)), "name"
                continue
            span = _context_tokens(s, m.start("form_value"), m.end("form_value"), False)
        elif m.group("nameis") is not None:
            words = m.group("nameis").split()
            if words[0] in _NOT_NAME or words[0] in _ADDRESS_STOP:
                continue
            start, end = m.span("nameis")
            if len(words) > 1 and (words[1] in _NOT_NAME or words[1] in _ADDRESS_STOP):
                end = start + len(words[0])
            span = (start, end, "name")
        elif m.group("kin") is not None:
            span = _context_tokens(s, m.start("kin_name"), m.end("kin_name"), True)
            if span is not None and m.group("kin").lower() in ("i'm", "i am", "this is"):
                if _tier(s[span[0] : span[1]].split()[0]) == 0:
                    continue  # "I'm British": only listed names after "I'm"
        else:
            span = m.start("lower"), m.end("lower"), "name"
        if span is not None:
            yield span
    for m in _FAMILY.finditer(s):
        if not _starts_word(s, m.start()):
            continue
        span = _context_tokens(s, m.start(1), m.end(1), any_listed=False)
        if span is not None:
            yield span

    # a name context after: "X (age 7)", "X's mum", "X told me"
    for m in _RIGHT_CONTEXT_NAME.finditer(s):
        start, end = m.span(1)
        word = m.group(1)
        if _not_name(word) or word.lower() in _PLACES or not _starts_word(s, start):
            continue
        if s[start - 1] == " " and s[start - 2].isalpha():
            before = _CAPWORDS_BEFORE.search(s, max(0, start - 40), start)
            if before:
                for tok in _NAME_TOKEN.finditer(s, before.start(), start):
                    if not _not_name(tok.group(1)):
                        start = tok.start(1)
                        break
        yield start, end, "name"


def _is_public(s: str, start: int, end: int) -> bool:
    """Whether a name span is (part of) a well-known name or an eponymous document."""
    words = s[start:end].lower().replace("-", " ").split()
    rest = s[end : end + 24].lower()
    next_word = rest.lstrip(" ").split(" ", 1)[0].strip(".,?!;:")
    if not (
        rest.startswith("'s law")
        or next_word in _PUBLIC_WORDS
        or any(w in _PUBLIC_WORDS for w in words)
        or s[max(0, start - 5) : start].lower() == "baby "
    ):
        return False  # cheap test first: most names are nowhere near a public one
    lo, hi = max(0, start - 40), min(len(s), end + 40)
    return any(m.start() < end and start < m.end() for m in _PUBLIC.finditer(s, lo, hi))


# ---------------------------------------------------------------------------
# Putting it together.
# ---------------------------------------------------------------------------


def _has_digit(s: str) -> bool:
    return any(d in s for d in "0123456789")


def _detect(s: str) -> list[Span]:
    spans: list[Span] = []
    if "@" in s:
        spans.extend(_emails(s))
    if _has_digit(s):
        spans.extend(_numbers(s))
        spans.extend(_codes(s))
        spans.extend(_phones(s))
        spans.extend(_dates(s))
        spans.extend(_addresses(s))
    for span in _names(s):
        if not _is_public(s, span[0], span[1]):
            spans.append(span)
    return _merge(s, spans)


def _merge(s: str, spans: list[Span]) -> list[Span]:
    """Union overlapping spans (keeping the kind of the more specific detector), then
    join names separated only by spaces ("[name] [name]" -> "[name]")."""
    spans.sort(key=lambda sp: (sp[0], -sp[1]))
    merged: list[list[Any]] = []
    for start, end, kind in spans:
        if end <= start:
            continue
        if merged:
            last = merged[-1]
            if start < last[1]:
                if end > last[1]:
                    last[1] = end
                if _PRIORITY[kind] < _PRIORITY[last[2]]:
                    last[2] = kind
                continue
            if kind == "name" and last[2] == "name" and not s[last[1] : start].strip(" "):
                last[1] = end
                continue
        merged.append([start, end, kind])
    return [(a, b, k) for a, b, k in merged]


def redact(text: str) -> RedactionResult:
    """Find the personal data in ``text`` and replace each item by a placeholder."""
    if not isinstance(text, str):
        raise TypeError(f"redact() expects str, not {type(text).__name__}")
    if not text:
        return RedactionResult(text, ())

    # Matching runs on a copy without invisible characters (zero-width, bidi controls)
    # and with unusual spaces, dashes and digits normalised; the space in front gives a
    # word at the very start a separator before it.
    clean = _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text
    matched = clean.translate(_TRANSLATE)
    if "    " in matched:
        matched = _LONG_SPACES.sub(_blank_long_spaces, matched)
    spans = _detect(" " + matched)
    if not spans:
        return RedactionResult(text, ())

    # Map positions in the copy back to the original: ``marks[i]`` is where the i-th run
    # of invisible characters sat in the copy, ``shifts[i]`` how many were removed up to
    # and including it.
    marks: list[int] = []
    shifts: list[int] = []
    if clean is not text:
        removed = 0
        for m in _INVISIBLE.finditer(text):
            marks.append(m.start() - removed)
            removed += m.end() - m.start()
            shifts.append(removed)

    def original(c: int) -> int:
        c -= 1  # the space in front
        i = bisect_right(marks, c)
        return c + shifts[i - 1] if i else c

    out: list[str] = []
    redactions: list[Redaction] = []
    pos = 0
    for start, end, kind in spans:
        o_start, o_end = original(start), original(end - 1) + 1
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

    Dicts, lists and tuples are walked recursively; under a matching key every string at
    any depth is redacted. Other values are returned as they are (not copied)."""
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
