"""Regular expressions for the ways UK letters write dates, times, durations, places and
phone numbers. Each is written from how real letters put things, not from one template."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..textpatterns import MONTH, POSTCODE  # noqa: F401  (shared with segmentation)

I = re.IGNORECASE


class _Later(NamedTuple):
    """A pattern compiled when first asked for (``__getattr__``): compiling them all costs every
    start of the command line, and a check needs only some."""

    pattern: str
    flags: int


def _later(pattern: str, flags: int = 0) -> _Later:
    return _Later(pattern, flags)


WEEKDAY = r"(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
ORD = r"(?:st|nd|rd|th)?"

#: "Wednesday 31 December 2025", "31st Dec", "December 31", "31/12/2025", "Tue 21 Oct"
DATE = _later(
    rf"\b(?:{WEEKDAY},?\s+)?\d{{1,2}}{ORD}\s+(?:of\s+)?{MONTH}\b\.?(?:,?\s+\d{{4}})?"
    rf"|\b(?:{WEEKDAY},?\s+)?{MONTH}\s+\d{{1,2}}{ORD}\b(?:,?\s+\d{{4}})?"
    rf"|(?<![\d/.])\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})(?![\d/]|\.\d)"
    rf"|\b(?:on\s+)?{WEEKDAY}\s+(?:the\s+)?\d{{1,2}}{ORD}\b(?![.:]\d|\s*(?:am|pm|a\.m|p\.m)\b)"
    rf"|\btomorrow\b"
    rf"|\bon\s+{WEEKDAY}\b(?!\s*(?:to|-|–|and)\s)",
    I,
)

_HOUR_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PAST = r"(?:half|quarter|five|ten|twenty|twenty-five|twenty five)\s+(?:past|to)"
#: "2:30pm", "14:30", "9.30am", "10am", "half past nine", "10 o'clock", "midday"
TIME = _later(
    rf"(?<![\d£$.:/])(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:am|pm|a\.m\.|p\.m\.)|\s*hrs|\s*hours)?(?![\d/]|\.\d)"
    rf"|(?<![\d£$.:/])(?:1[0-2]|0?[1-9])\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    rf"|(?<![\d£$.:/])(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs|hours|h)\b"  # "1400hrs", "0930 hours"
    rf"|\b(?:{_PAST}\s+)?(?:{_HOUR_WORD}|\d{{1,2}})\s+o[’']?\s?clock\b"
    rf"|\b{_PAST}\s+{_HOUR_WORD}\b"
    rf"|\b(?:at\s+)(?:midday|noon)\b",
    I,
)
#: a time that is one end of a range or of opening hours ("8am to 6pm", "from 7am")
TIME_BEFORE_EXCLUDE = _later(r"(?:\b(?:from|until|till|between|after|before|and|to|open|opens|closes)\s+|[-–]\s*)$", I)
TIME_AFTER_EXCLUDE = _later(r"^\s*(?:[-–]|to\b|until\b|and\b)\s*\d", I)

_NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|twenty-five|thirty|forty|forty-five|fifty|sixty|ninety|a|an|a few|a couple of|several|1½|one and a half|two and a half|half an?)"
#: "about 1 hour", "no longer than 30 minutes", "2 to 3 hours", "most of the day", "overnight"
DURATION_AMOUNT = _later(
    rf"\b(?:{_NUM})(?:\s*(?:to|-|–|—|or|and)\s*{_NUM})?[\s-]*(?:minutes?|mins?|hours?|hrs?)\b"
    rf"|\bhalf an hour\b|\ban hour and a half\b",
    I,
)
DURATION_PHRASE = _later(
    r"\b(?:most of|all|the whole|the rest of|half)\s+(?:the\s+|a\s+)?(?:day|morning|afternoon)\b"
    r"|\b(?:go|going|be)\s+home\s+(?:on\s+)?the\s+same\s+day\b|\bsame[- ]day\s+(?:surgery|procedure|operation|treatment|discharge)\b|\bdischarged\s+(?:on\s+)?the\s+same\s+day\b"
    r"|\bovernight\b|\bstay(?:ing)?\s+(?:for\s+)?(?:one|two|three|\d+|a|the)\s+nights?\b|\b(?:one|two|\d+)\s+nights?\b"
    r"|\ball day\b|\bhalf a day\b",
    I,
)
#: words after an amount of time that make it something other than how long the visit takes
DURATION_AFTER_EXCLUDE = _later(r"^\s*(?:early|earlier|before|after|beforehand|away|walk|on foot|by (?:bus|car|train)|drive|of parking|free|later|from|each way|ago)\b", I)
DURATION_BEFORE_EXCLUDE = _later(r"\b(?:first|every|within|for the first|at least|past|(?:the|in the|over the|for the)\s+last|after)\s+(?:about\s+|approximately\s+|around\s+|roughly\s+)?$", I)
DURATION_SENTENCE_EXCLUDE = _later(
    r"\b(?:eat|drink|food|fast(?:ing)?|park(?:ing)?|bus(?:es)?|trains?|walk|arriv\w*|late|early|open|wait(?:ing)? list|reply|respond|within"
    # how long an effect lasts, not the visit: "the drops cause blurred vision for up to 4 hours"
    r"|blurr\w*|vision|drows\w*|numb\w*|wear\s+off|sedat\w*|side\s+effects?|drive|driving)\b",
    I,
)

_PLACE_NOUN = r"(?:Hospital|Infirmary|Clinic|Centre|Center|Unit|Department|Building|Wing|Surgery|Practice|Suite|Outpatients|Pavilion|Hub|Ward|Health Centre|Medical Centre|Pharmacy|House|Block|Hall)"
LOCATION = _later(
    rf"\b(?:Ward|Level|Floor|Clinic|Room|Zone|Suite|Bay|Gate|Entrance|Block|Building|Unit|Area|Wing|Outpatients)\s+(?:[A-Z]{{1,2}}|\d{{1,3}}[A-Z]?)\b"
    rf"|\b(?:ground|first|second|third|fourth|fifth|lower ground|top|1st|2nd|3rd|4th)\s+floor\b"
    rf"|(?:\b[A-Z][\w'’&-]+\s+){{1,5}}{_PLACE_NOUN}\b(?!\s*:)"
    rf"|\b(?:main|north|south|east|west|front|side)\s+entrance\b"
    rf"|\b(?:outpatients?|x-ray|radiology|endoscopy|maternity|children's|dental|day surgery|day case)\s+(?:department|unit|clinic|reception|suite|centre)\b",
)
LOCATION_LABEL = _later(r"^\s*(?:place|where|location|venue|address|clinic|ward|hospital|site|department|unit|appointment\s+(?:at|location|venue))\s*:\s*\S", I)
#: a place named as someone to contact, or as any place of a kind, is not where to go:
#: "contact the Admissions Department", "call your GP Practice", "at an InHealth Centre"
LOCATION_BEFORE_EXCLUDE = _later(
    r"(?:\b(?:contact|call|phone|ring|telephone|e-?mail|write\s+to|speak\s+to|talk\s+to|ask|tell|inform|let|from|by|via|with)\b(?:\s+(?!(?:at|to|in|on)\b)\S+){0,3}\s+"
    r"|\b(?:an?|any|one\s+of\s+(?:our|the)|this|other|another)\s+(?:(?-i:[A-Z])[\w'’&-]*\s+){0,4}"
    # "Staff at ((ward_name)) in ((hospital_name))": who, not where to go
    r"|\b(?:staff|team|nurses?|doctors?|colleagues)\s+(?:at|in|from|on)\s+(?:\S+\s+(?:at|in|on)\s+)?)$",
    I,
)
#: where a sentence says where to go, or a letter gives its appointment: the cue a postcode or a
#: place before the greeting needs to be the place of the appointment rather than a letterhead
WHERE_CUE = _later(
    r"\b(?:appointments?|visit|admission|attend\w*|arriv\w*|come\s+to|go\s+to|report\s+to|venue|where|location|held\s+at|take\s+place|takes\s+place|address\s+(?:of|for)|see\s+you|session|clinic\s+is)\b",
    I,
)
#: a general place for the appointment, named in a sentence about it ("your appointment at the
#: surgery", "we are coming to your child's school")
GENERAL_PLACE = _later(
    r"\b(?:at|to|in)\s+(?:the|your|your\s+child['’]s|their|our)?\s*(?:GP\s+)?(?:surgery|practice|school|health\s+centre|medical\s+centre|clinic|hospital|pharmacy)\b",
    I,
)
#: a place that is the subject of its sentence is who does something, not where to go:
#: "((ward_name)) at ((hospital_name)) is trying to contact you"
LOCATION_AS_SUBJECT = _later(r"(?:\s+(?:at|in|,)\s*\S+(?:\s+\S+)?)?\s+(?:is|are|has|have|would|wants?|will|can|may)\s+(?!be\s+(?:held|at|in|on)\b)\w+", I)
LOCATION_EXCLUDE = _later(
    r"\b(?:will\s+(?:be\s+told|tell\s+you|let\s+you\s+know|send\s+you)|let\s+you\s+know\s+(?:which|where)|any\s+of\s+our|your\s+nearest|near(?:est)?\s+to\s+you|of\s+your\s+choice|choose|refer(?:red)?\s+(?:you\s+)?to|re:|copy\s+to"
    r"|waiting\s+(?:for|list)|on\s+(?:our|the|a)\s+(?:\w+\s+)?waiting)\b",
    I,
)

#: UK phone numbers: 0300 555 0142, 01632 960123, (0191) 496 0000, +44 191 496 0000, 07700 900123
#: the groups may be of two digits ("0300 123 23 23", "0800 707 60 60"); the detector checks
#: that the digits add up to a UK number (10 or 11 with the leading 0)
PHONE = _later(r"(?<![\d+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?(?:[\s-]?\d{2,4}){1,4}(?!\d)")
#: three-digit NHS service numbers people are told to ring: "phone 119", "call NHS 111"
SERVICE_PHONE = _later(r"\b(?:call|phone|ring|dial|text|telephone|on|NHS)\s*:?\s+(?:NHS\s+)?(111|119)(?![\w/:£]|[.,]\d)", I)
#: a service number given for health advice or emergencies, not to ask about the appointment
SERVICE_PHONE_EXCLUDE = _later(r"\b(?:advice|unwell|urgent\w*|emergenc\w+|symptoms?|worse|ill|999)\b", I)
PHONE_TRANSPORT = _later(r"\b(?:transport|ambulance|PTS|taxi|travel)\b", I)
PHONE_FOR_APPOINTMENT = _later(r"\b(?:change|cancel|rearrange|re-arrange|move|rebook|re-book|book|confirm)\w*\s+(?:your|the|this|an?)\s+(?:appointment|visit|scan|test)|\bquestions?\b|\bqueries\b|\bworried\b", I)
PHONE_NOT_CONTACT = _later(r"\b(?:fax|NHS\s+(?:no|number))\b", I)
#: a number messages come from, not one to ring
PHONE_SENDER = _later(r"\b(?:come|comes|coming|sent|be)\s+from\s*:?\s*$|\bcaller\s+ID\b", I)

PARKING = _later(
    r"\bcar\s*parks?\b|\bcar\s*parking\b|\bpay\s*(?:and|&)\s*display\b|\bblue\s+badge\b|\bdisabled\s+(?:parking|spaces|bays)\b"
    r"|\bparking\b|\bpark\s+(?:in|at|on|for|near|outside)\b|\bmulti-?stor(?:ey|y)\b|\bparking\s+permits?\b"
    r"|\b(?:time|where|space|place|somewhere|nowhere)\s+to\s+park\b|\bpark\s+(?:your|the)\s+car\b",
    I,
)
#: "park" only as a step of the journey: "allow time to travel to and park", "time to get here and park";
#: it says nothing about where to park or what it costs ("allow plenty of time to park your car as this
#: may be difficult" does say something, and is kept)
PARKING_JOURNEY = _later(r"\b(?:travel|get|drive|arrive|come)\s+(?:\w+\s+){0,3}?and\s+park\b", I)
#: the words that do tell about parking, in a sentence that also has a journey "park"
PARKING_INFO = _later(r"\bcar\s*parks?\b|\bparking\b|\bpay\s*(?:and|&)\s*display\b|\bblue\s+badge\b|\bmulti-?stor(?:ey|y)\b|\bdisabled\s+(?:spaces|bays)\b", I)
#: a car park named only as a landmark on the way ("go through the car park to the entrance")
PARKING_DIRECTION = _later(r"\b(?:through|across|past|via|behind|beside|opposite|next to|from|along|round|around|facing)\s+(?:the\s+)?(?:\w+\s+)?car\s*park\b", I)

TRANSPORT = _later(
    r"\bbus(?:es)?\b|\bbus\s+(?:routes?|stops?|station)\b|\b(?:train|railway|rail|tram|metro|underground)\s*(?:stations?|stops?|services?|lines?)?\b"
    r"|\btrains?\b|\btrams?\b|\bMetro\b|\bpark\s*(?:and|&)\s*ride\b|\b(?:hospital|patient|non-emergency)\s+transport\b|\bpublic\s+transport\b"
    r"|\bcommunity\s+transport\b|\bTraveline\b|\bshuttle\b|\bhopper\b|\btaxis?\b"
    # driving and getting home: "do not drive for 24 hours", "arrange how you will get home"
    r"|(?:\bnot|n[’']t|\bunable\s+to|\bsafe\s+to)\s+(?:to\s+)?(?:be\s+(?:able|allowed)\s+to\s+)?drive\b|\bdriv(?:e|ing)\s+(?:yourself|home|a\s+(?:motor\s+)?(?:vehicle|car))\b"
    r"|\bhow\s+you(?:[’']ll|\s+will|\s+are\s+going\s+to)?\s+get\s+(?:home|here|there|to\s+(?:the|your)\s+\w+)\b|\b(?:lift|way)\s+home\b|\btravel\s+(?:home|here|to\s+(?:the|your)\s+(?:hospital|clinic|appointment))\b",
    I,
)

BRING = _later(r"\b(?:bring|take|have)\s+(?:\w+\s+){0,3}?with\s+you\b|\bbring(?:ing)?\b|\bremember\s+(?:to\s+bring|your)\b", I)
PERSON = r"(?:someone|somebody|a\s+friend|friends?|a\s+relative|relatives?|(?:a|your)\s+(?:family\s+member|carer|partner|husband|wife|parent|supporter|support worker|advocate|relative|friend)|family|carers?|partner|children|child|kids|baby|babies|an?\s+adult|another\s+(?:adult|person)|a\s+person|one\s+(?:other\s+)?(?:person|adult)|(?:a|one|two)\s+visitors?|brothers?|sisters?|siblings?|grandparents?|parents?)"
COMPANION = _later(
    rf"\bbring\s+(?:\w+\s+){{0,2}}?{PERSON}\b"
    rf"|\b{PERSON}\s+(?:\w+\s+){{0,3}}?(?:can|may|is\s+welcome\s+to|are\s+welcome\s+to|could)\s+(?:also\s+)?(?:come|stay|be\s+with|join|go\s+in)\b"
    rf"|\b{PERSON}\s+(?:are|is)\s+welcome\b"
    rf"|\b(?:come|stay)\s+with\s+you\b"
    rf"|\b(?:have|bring)\s+(?:\w+\s+){{0,2}}?{PERSON}(?:\s+or\s+{PERSON})?\s+with\s+you\b"
    # "a relative or carer can accompany you", "must be accompanied by an adult"
    rf"|\b(?:can|may|could|welcome\s+to|able\s+to|must|should|will\s+need\s+to)\s+(?:also\s+)?accompany\s+(?:you|them|your\s+child|the\s+patient)\b"
    rf"|\baccompanied\s+by\b|\b{PERSON}\s+(?:\w+\s+){{0,3}}?(?:to|who\s+(?:can|will))\s+accompany\b"
    rf"|\bsupport\s+from\s+{PERSON}",
    I,
)
COMPANION_EXCLUDE = _later(
    r"\b(?:do\s+not|don't|cannot|can't|must\s+not|not\s+able\s+to|unable\s+to|no)\s+(?:\w+\s+){0,2}?(?:bring|come|children|child)\b"
    r"|\b(?:collect|pick\s+you\s+up|take\s+you\s+home|drive\s+you|stay\s+with\s+you\s+(?:for|overnight|that\s+night|after)|refer\s+you|must\s+(?:come|stay)|needs?\s+to\s+(?:come|stay))\b",
    I,
)

INTERPRETER = _later(r"\binterpret(?:er|ers|ing)\b|\bBritish\s+Sign\s+Language\b|\bBSL\b|\bsign\s+language\b|\btranslators?\b|\blanguage\s+line\b", I)

ACCESSIBILITY = _later(
    r"\bwheelchairs?\b|\bstep[- ]free\b|\blevel\s+access\b|\bramps?\b|\blifts?\s+(?:to|are|is|available)\b|\b(?:hearing|induction)\s+loops?\b"
    r"|\blearning\s+disabilit(?:y|ies)\b|\breasonable\s+adjustments?\b|\bquiet\s+(?:room|space|area|place)\b|\b(?:more|extra)\s+time\b"
    r"|\baccessible\s+(?:toilets?|entrance|parking|rooms?)\b|\bautis(?:m|tic)\b|\bdementia\b|\bmobility\b|\bdisabled\s+(?:access|toilets?)\b"
    r"|\b(?:any|extra|other)\s+(?:support|help)\s+(?:needs?|you\s+need)\b|\baccess\s+needs\b|\bcommunication\s+needs\b|\bsensory\b|\bhelp\s+(?:getting|moving)\s+around\b"
    # Deaf people's phone routes, and help to attend or move about
    r"|\bRelay\s+UK\b|\btext\s?phones?\b|\bminicom\b|\btypetalk\b|\b18001\b|\bSignVideo\b|\bBSL\s+(?:service|video\s+relay|interpreter\s+service)\b|\bBritish\s+Sign\s+Language\s+service\b"
    r"|\b(?:assistance|help|support)\s+(?:with\s+(?:walking|mobility|getting\s+(?:here|there|around|about|in))|(?:to\s+|in\s+)?(?:attend\w*|walk\w*|communicate|communicating|getting\s+(?:here|there)|getting\s+to\s+(?:the|your|our)\s+(?:clinic|hospital|appointment|surgery|unit|centre|department)))\b"
    r"|\b(?:extra|more|additional|any)\s+(?:help|support|assistance)\s+(?:to|with|when|at|during)\b|\bhome\s+visits?\b",
    I,
)
#: a condition or need named without saying what help there is: evidence of access only in a
#: sentence that offers help or asks the reader to say what they need
ACCESS_CONDITION = _later(r"\blearning\s+disabilit(?:y|ies)\b|\bautis(?:m|tic)\b|\bdementia\b|\bmobility\b|\bsensory\b", I)
ACCESS_OFFER = _later(
    r"\b(?:if\s+you|let\s+us\s+know|tell\s+us|contact\s+us|call\s+us|we\s+can|we\s+will|we\s+offer|can\s+help|adjustments?|available|please\s+(?:tell|let|ask|contact))\b", I
)

PREPARATION = _later(
    r"\b(?:do\s+not|don't|please\s+do\s+not|you\s+can|you\s+may|keep|carry\s+on|continue|stop|you\s+should|you\s+must|only|please)\s+(?:\w+\s+){0,3}?(?:eat(?:ing)?|drink(?:ing)?|tak(?:e|ing)|smok(?:e|ing)|wear(?:ing)?|shav(?:e|ing)|use|using)\b"
    r"|\bnil\s+by\s+mouth\b|\bfast(?:ing)?\b(?!\s+track)|\bempty\s+stomach\b|\bfull\s+bladder\b|\blaxatives?\b|\bbowel\s+prep(?:aration)?\b|\bclear\s+fluids\b|\blow[- ]fibre\b"
    r"|\b(?:wear|loose|comfortable)\s+(?:\w+\s+){0,2}?(?:clothes|clothing|sleeves|shoes|top)\b|\bremove\s+(?:\w+\s+){0,2}?(?:jewellery|make-?up|nail\s+varnish|piercings)\b"
    r"|\bantihistamines?\b|\b(?:stop|pause)\s+(?:taking|using)\b|\b(?:eat|drink)\s+(?:and\s+drink\s+)?(?:as\s+normal|normally)\b|\blast\s+(?:meal|drink)\b|\bno\s+food\b"
    # clothing: "wear a short-sleeved shirt", "what to wear"
    r"|\bwear(?:s|ing)?\s+(?:\w+[\s-]+){0,3}?(?:clothes|clothing|sleeves?|sleeved|shirt|t-shirt|top|shoes|trousers|skirt|dress|bra|underwear)\b|\bwhat\s+to\s+wear\b"
    # a medicine that changes what to do: "If you take blood thinners such as warfarin, call us before"
    r"|\bif\s+you\s+(?:take|are\s+taking|use|are\s+on)\s+(?:\w+\s+){0,3}?(?:medicines?|medications?|tablets?|insulin|blood[- ]thinners?|warfarin|anticoagulants?|clopidogrel|aspirin)\b"
    # medicines on the day: "Take your medications as normal", "bring ... and keep taking"
    r"|\b(?:take|taking|have|use)\s+(?:all\s+)?(?:your|any)\s+(?:usual\s+|regular\s+|normal\s+)?(?:medicines?|medications?|tablets?|insulin|inhalers?)\s+(?:as\s+(?:normal|usual)|as\s+you\s+normally|on\s+the\s+(?:day|morning))\b"
    # bladder, and details to have ready: "do not go to the toilet before", "make a list of questions"
    r"|\b(?:go\s+to\s+the\s+toilet|pass\s+urine|empty\s+your\s+bladder)\s+before\b|\bmake\s+a\s+list\b|\bwrite\s+down\s+(?:any|your)\b"
    r"|\b(?:have|keep)\s+(?:\w+\s+){0,4}?(?:ready|to\s+hand|handy)\b|\bjoin\s+(?:\w+\s+){0,3}?knowing\b|\b(?:on\s+your\s+period|menstruating)\b",
    I,
)
#: the general instructions above ("do not take", "you can drink") are preparation only about a
#: visit: in a sentence or section about the appointment, test or the time before it
PREPARATION_CONTEXT = _later(
    r"\b(?:before|beforehand|on\s+the\s+(?:day|morning)|the\s+(?:day|night|morning)\s+before|appointments?|visits?|tests?|scans?|procedures?|operations?|examinations?|"
    r"x-rays?|surgery|vaccinations?|jabs?|screening|colonoscopy|endoscopy|gastroscopy|cystoscopy|arriv\w*|attend\w*|come|coming|prepar\w*|getting\s+ready)\b",
    I,
)
PREPARATION_EXCLUDE = _later(r"\b(?:caf[eé]|restaurant|shop|vending|canteen|take\s+(?:place|about|up\s+to|around)|take\s+you|keep\s+(?:very\s+)?still|take\s+(?:a\s+)?(?:seat|photo))\b", I)

FORMATS = _later(
    r"\blarge\s+print\b|\beasy\s*read\b|\bbraille\b|\baudio\b|\b(?:other|another|different|your\s+own)\s+languages?\b|\b(?:other|another|different|alternative|accessible)\s+formats?\b"
    r"|\btranslat(?:ed|ion)\b|\bin\s+your\s+(?:own\s+)?language\b|\bBSL\s+video\b",
    I,
)
#: an Easy Read text naming itself ("This leaflet is Easy Read", "Easy read information about bowel
#: screening", "These Easy Read guides tell you ...") offers no other format
FORMATS_EXCLUDE = _later(r"\bthis\s+(?:letter|leaflet|page|document)\s+is\s+(?:in\s+|an\s+)?easy\s*read\b|^\W*easy\s*read\s+(?:information|guides?|leaflets?|booklets?)\s+(?:about|on|for)\b|\b(?:these|the\s+following)\s+easy\s*read\s+(?:guides|leaflets|booklets|pages)\b", I)

ONLINE_ACTION = _later(
    r"\b(?:online|website|web\s+site|portal|NHS\s+App\b|our\s+app\b|the\s+app\b|QR\s+code|scan\s+the\s+code|www\.|https?://|\w+\.(?:example|nhs\.uk|org|com|co\.uk)/|text\s+link|the\s+link|log\s+in)",
    I,
)
ONLINE_VERB = _later(r"\b(?:book|confirm|fill|complete|register|choose|answer|tell\s+us|cancel|change|reply|scan|visit|go\s+to|use|do\s+this|submit|select|pick|click|sign\s+up|refer)\w*", I)
OFFLINE_ROUTE = _later(
    r"\bpaper\s+(?:copy|form|version|questionnaire)\b|\bby\s+post\b|\bpost\s+it\b|\bsend\s+you\s+a\s+(?:paper|copy|form)\b|\b(?:call|phone|ring|telephone)\s+(?:us|the|our|this|free)\b"
    r"|\bif\s+you\s+(?:cannot|can't|do\s+not|don't|would\s+rather\s+not|prefer\s+not\s+to)\s+(?:use|go|get|have)\s+(?:online|the\s+internet|a\s+smartphone|a\s+computer)\b",
    I,
)

#: communication needs (Accessible Information Standard, 2025 revision): another format, another
#: language or support to communicate, named in a sentence that says how to ask for it
COMMUNICATION_SUPPORT = _later(
    r"\blarge\s+print\b|\beasy\s*read\b|\bbraille\b|\baudio\b|\b(?:other|another|different|alternative|accessible)\s+(?:formats?|languages?)\b|\bformats?\s+and\s+languages?\b"
    r"|\bin\s+your\s+(?:own\s+|first\s+|preferred\s+)?language\b|\btranslat(?:ed|ion|or)s?\b|\binterpret(?:er|ers|ing)\b|\bBritish\s+Sign\s+Language\b|\bBSL\b|\bsign\s+language\b"
    r"|\bRelay\s+UK\b|\btext\s?phones?\b|\b18001\b|\bSignVideo\b|\blip[- ]?(?:read\w*|speakers?)\b|\bdeafblind\b"
    r"|\b(?:communication|information)\s+(?:needs?|support|aids?|professionals?|requirements?)\b|\baccessible\s+information\b(?!\s+standard)|\bsupport\s+to\s+communicate\b"
    r"|\b(?:help|support)\s+(?:to|with)\s+(?:read|reading|understand\w*|communicat\w*)\b|\b(?:information|this|it|letters?|leaflets?)\s+in\s+(?:a\s+)?(?:different|another|other)\s+way\b",
    I,
)
#: how to ask: a verb of asking or telling, a phone number or address, "on request", "go to www..."
COMMUNICATION_ASK = _later(
    r"\b(?:tell|let\s+(?:us|the\s+\w+|your\s+\w+)\s+know|contact|call|phone|ring|telephone|e-?mail|text\s+us|ask|request\w*|speak\s+to|talk\s+to|get\s+in\s+touch|inform|notify|go\s+to|visit)\b"
    r"|\b(?:up)?on\s+request\b|\bwww\.|https?://|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b|@\w",
    I,
)
#: "this leaflet is in Easy Read", "interpret your results": not an offer
COMMUNICATION_EXCLUDE = _later(r"\bthis\s+(?:letter|leaflet|page|document)\s+is\s+(?:in\s+|an\s+)?easy\s*read\b|^\W*easy\s*read\s+(?:information|guides?|leaflets?|booklets?)\s+(?:about|on|for)\b|\b(?:these|the\s+following)\s+easy\s*read\s+(?:guides|leaflets|booklets|pages)\b|\binterpret\w*\s+(?:your|the|these)\s+(?:results?|scans?|images?|tests?)\b", I)
#: an offer made to the reader ("We can send this letter in large print", "This leaflet is available in
#: other languages"): the way to ask is then the letter's own phone number or e-mail
COMMUNICATION_OFFER = _later(
    r"\b(?:we|staff|the\s+(?:team|practice|surgery|clinic|hospital))\s+(?:can|will|could|may\s+be\s+able\s+to|are\s+able\s+to)\s+(?:also\s+)?(?:send|give|provide|book|arrange|offer|get|produce|supply|make)\b"
    r"|\byou\s+(?:can|may)\s+(?:also\s+)?(?:ask\s+for|have|get|request)\b|\b(?:is|are)\s+(?:also\s+)?available\b|\bcan\s+be\s+(?:provided|arranged|booked|sent|made\s+available)\b",
    I,
)

#: the document asks the reader to book an appointment ("If you'd like to book a clinic appointment",
#: "Please schedule an appointment for your next blood test") ...
ASKS_TO_BOOK = _later(
    r"\b(?:book|schedule|make|arrange)\s+(?:an?\s+|your\s+|their\s+|the\s+)?(?:[\w’']+\s+){0,3}?appointment\b|\bbook\s+(?:online|a\s+(?:time|slot|place))\b",
    I,
)
#: ... and gives none booked: "You have an upcoming appointment", "your appointment is on", "we have booked"
GIVES_BOOKED = _later(
    r"\b(?:you\s+have\s+an?\s+(?:\w+\s+)?appointment|your\s+(?:\w+\s+)?appointment\s+(?:is|will\s+be|has\s+been)|we\s+have\s+(?:booked|arranged|scheduled|made)"
    r"|(?:has|have)\s+been\s+(?:booked|scheduled|arranged|made)|remind\w*|see\s+you\s+on|will\s+(?:be\s+seen|see\s+you)\s+on)\b",
    I,
)

#: a vaccination given to children at school: the parent reading the letter does not come, so the
#: details of getting there and being there (the time, how long, parking, transport, who can come,
#: access, an interpreter, what to bring) do not apply
SCHOOL_SESSION = _later(
    r"\b(?:at|in)\s+(?:your\s+child['’]s\s+|their\s+|the\s+)?school\b|\bvaccination\s+sessions?\b|\bschool\s+(?:sessions?|visits?|immuni[sz]ations?|vaccinations?)\b"
    r"|\b(?:give|vaccinate)\s+pupils\b|\bconsent\s+requests?\b|\b(?:request\s+for\s+)?consent\s+to\s+vaccinate\b",
    I,
)
SCHOOL_SESSION_ABOUT = _later(r"\b(?:vaccin\w*|immuni[sz]\w*|jabs?)\b", I)
SCHOOL_SESSION_CHILD = _later(r"\b(?:your\s+child|pupils|children|your\s+son|your\s+daughter)\b|\b(?:get|have)\s+their\s+(?:\S+\s+){1,2}at\s+school\b", I)
#: ... unless the child is asked to a clinic instead ("vaccinated in a clinic rather than at school")
SCHOOL_SESSION_EXCLUDE = _later(r"\b(?:rather\s+than|instead\s+of)\s+(?:at\s+|in\s+)?school\b|\bclinic\s+appointment\b|\bbook\s+(?:a\s+|an\s+)?(?:clinic|appointment)\b", I)


#: name -> its pattern, not compiled yet
_PENDING: dict[str, _Later] = {name: value for name, value in globals().items() if isinstance(value, _Later)}
for _name in _PENDING:
    del globals()[_name]
del _name


def __getattr__(name: str) -> re.Pattern:
    """The compiled pattern ``name``, compiled on first use and kept (``P.DATE``)."""
    spec = _PENDING.get(name)
    if spec is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # two threads may both compile it: the first one kept is the one every caller gets
    return globals().setdefault(name, re.compile(spec.pattern, spec.flags))


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PENDING))
