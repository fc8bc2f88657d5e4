/**
 * Words that say nothing about what a conversation was about: the function words of the
 * languages business chats are most often written in, and the filler of chat and e-mail
 * ("thanks", "lol", "best regards", "tomorrow"). Lower case, apostrophes as "'".
 */

const ENGLISH = `
a about above after again against all am an and any are aren't arent as at be because been before
being below between both but by can can't cannot cant could couldn't couldnt did didn't didnt do does
doesn't doesnt doing don't dont down during each few for from further had hadn't has hasn't have haven't
having he he'd he'll her here hers herself him himself his how i i'd i'll i'm i've id im ive if in into
is isn't isnt it its itself let me more most mustn't my myself no nor not of off on once only or other
ought our ours ourselves out over own same shan't she she'd she'll should shouldn't so some such than
that thats the their theirs them themselves then there these they they'd they'll they're they've theyre
this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what
when where which while who whom why with won't wont would wouldn't you you'd you'll you're you've youre
your yours yourself yourselves also just will shall may might must get gets got getting go goes going
gone went make makes made know knew think thought want wants wanted need needs needed see seen saw look
looking looks forward like likes come coming take taking said say says tell told sound sounds hope
hoping happy glad love feel try trying use using one two three first last next new many much lot lots
really still even well back way thing things something anything nothing everything someone anyone
everyone quite bit maybe perhaps though although yet already ever never always around via per within
without upon etc e.g i.e ll ve re
time times today tomorrow yesterday tonight week weeks weekend day days month months year years morning
afternoon evening night soon later now moment minute minutes hour hours
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec am pm
`;

const CHAT = `
thanks thank thx ty tnx thankyou hi hello hey hiya heya yo lol lmao rofl haha hahaha hehe ok okay okey
k kk yes yeah yep yup yea nope nah sure great cool nice awesome perfect excellent amazing fine good best
better please pls plz cheers regards kind dear bye cya welcome sorry oops btw fyi asap imo imho tbh
idk omg np nvm brb ttyl gonna wanna gotta hmm hm um uh ah oh wow yay xoxo xo congrats congratulations
message messages email emails e-mail mail chat call calls talk reply replied send sent catch touch
share shared sharing check checked checking quick update updates note notes question questions happen
happened
`;

const GERMAN = `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anders
auch auf aus bei bin bis bist da damit dann das dass daß dem den denn der des dich die dies diese diesem
diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einige euch euer eure für
gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre im in indem ins
ist jede jedem jeden jeder jedes jetzt kann kein keine können könnte machen man manche mein meine mich
mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine selbst sich sie sind
so solche soll sollte sondern sonst über um und uns unser unter viel vom von vor war waren warst was
weg weil weiter welche wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden
zu zum zur zwar zwischen
danke dank hallo tschüss ja nein gut super prima genau klar gerne bitte viele grüße gruß lg vg mfg
liebe lieber schönen schöne tag woche morgen heute gestern
`;

const FRENCH = `
au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes moi
mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une
vos votre vous été être avoir avons avez ont eu est sont suis es était étaient fait faire cette cet ça
ceci cela comme plus très tout tous toute toutes aussi bien donc alors si non oui
j'ai qu'il s'il m'a t'a l'a n'a d'un l'un c'a
merci bonjour salut coucou bonsoir bisous cordialement génial parfait accord bonne bon journée
semaine demain aujourd'hui hier
`;

const SPANISH = `
al algo algunos ante antes como con contra cual cuando del desde donde durante el ella ellas ellos
entre era eres esa esas ese eso esos esta estas este esto estos estoy está están fue fueron ha han hasta
hay las le les lo los mas más mi mis mucho muy nada ni nos nosotros os otra otro para pero poco por
porque qué quien sea ser sí sin sobre somos soy su sus también tengo tiene tienen ti tus tú una uno
unos usted ustedes vosotros ya yo
gracias hola adiós adios vale bueno buenas buenos saludos perfecto claro dale jaja jajaja besos abrazo
abrazos mañana hoy ayer
`;

const STOPWORDS: ReadonlySet<string> = new Set(
  [ENGLISH, CHAT, GERMAN, FRENCH, SPANISH].flatMap((list) => list.split(/\s+/).filter((w) => w !== '')),
);

/** True for a word that is no topic: a function word or chat filler (`word` lower case); never throws. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
