/**
 * Spanish texts of the QuickBooks Desktop side of the error catalog: qbXML status codes (qbd.ts),
 * SDK / COM HRESULTs (sdk.ts) and Web Connector errors (qbwc.ts). Keys and step order follow the
 * English entries exactly; codes, categories and flags stay there.
 *
 * Wording: neutral Latin-American Spanish, "tú". QuickBooks Desktop and the Web Connector run in
 * English in the offices we serve, so their menus and buttons stay in English inside straight quotes
 * ("File > Update Web Services", "Update Selected"), the way the bookkeeper sees them on screen.
 * SyncLens words follow the UI catalog (public/_locales/es) and QBO_ES, in «»: «Volver a
 * sincronizar», «Borrar ID», «Registros sin sincronizar»; a record is a "registro", so the sync
 * log is the "bitácora de sincronización" to keep the two apart.
 */
import type { CatalogTranslation, EntryText } from './types';

// Steps repeated across QBD entries, worded once (mirrors the constants in ../qbd.ts).
const QBD_RESYNC =
  'En el servicio de sincronización, abre «Registros sin sincronizar» y pulsa «Volver a sincronizar» en este elemento (o espera la próxima ejecución del Web Connector).';
const QBD_FIX_IN_JOB_APP_AND_RESYNC =
  'Guarda el registro corregido en la app de trabajos y luego pulsa «Volver a sincronizar» en este elemento, en «Registros sin sincronizar».';
const QBD_READ_INNER_MESSAGE =
  'Lee el mensaje de error completo en la bitácora de sincronización: el texto que sigue a "QuickBooks error message:" es el motivo real que dio QuickBooks.';
const QBD_CLEAR_ID =
  'En «Registros sin sincronizar», pulsa «Borrar ID» en este elemento: se quita el vínculo guardado y la próxima sincronización crea un registro nuevo en QuickBooks.';
const QBD_REPORT_TO_SUPPORT =
  'Si sigue fallando, envía el texto del error que aparece en la bitácora de sincronización al equipo de soporte del servicio de sincronización.';

const QBD_CHECK_DESKTOP_FILE =
  'Comprueba que el Web Connector trabaje con tu archivo de empresa de QuickBooks Desktop: "File > Update Web Services" muestra la aplicación y el archivo que usa.';
const QBD_OLD_ONLINE_EDITION_CAUSE =
  'La conexión de sincronización apunta a una configuración antigua de la edición en línea, o a algo distinto de tu archivo de empresa de QuickBooks Desktop.';
const QBD_OLD_RANGE =
  'Los códigos del 2000 al 2999 pertenecen a la antigua edición en línea de QuickBooks, ya retirada, y nunca vienen de un archivo de empresa de QuickBooks Desktop.';
const oldOnlineEdition = (title: string, meaning: string): EntryText => ({
  title,
  meaning: `${meaning} ${QBD_OLD_RANGE}`,
  likelyCause: QBD_OLD_ONLINE_EDITION_CAUSE,
  steps: [QBD_CHECK_DESKTOP_FILE, QBD_REPORT_TO_SUPPORT],
});

export const QBD_ES: CatalogTranslation = {
  '0': {
    title: 'Procesado correctamente',
    meaning: 'QuickBooks Desktop aceptó la solicitud. No es un error.',
    likelyCause: 'Se envió un registro y se guardó con normalidad; el código solo aparece porque cada respuesta lleva un estado.',
    steps: [
      'No hay nada que corregir en QuickBooks Desktop.',
      'Si el elemento sigue apareciendo como fallido en la bitácora de sincronización, pulsa «Volver a sincronizar» una vez para que la bitácora recoja el resultado correcto.',
    ],
  },
  '1': {
    title: 'La búsqueda no encontró nada',
    meaning:
      'El servicio de sincronización buscó algo en QuickBooks Desktop y no encontró ninguna coincidencia. QuickBooks lo trata como un aviso informativo, no como un fallo.',
    likelyCause:
      'El servicio de sincronización comprobó si un cliente, un trabajo o un artículo de servicio ya existía antes de crearlo, y todavía no existía.',
    steps: [
      'Por lo general no hace falta nada: el servicio de sincronización crea el registro que falta en su siguiente paso.',
      'Si el elemento sigue sin sincronizar, revisa en QuickBooks Desktop ("Customers > Customer Center" o "Lists > Item List") si el registro se renombró o se eliminó.',
      QBD_RESYNC,
    ],
  },
  '500': {
    title: 'No se encontraron algunos registros solicitados',
    meaning:
      'Una búsqueda funcionó solo en parte: QuickBooks Desktop devolvió lo que pudo, pero uno de los registros mencionados no existe allí.',
    likelyCause:
      'Un cliente, un miembro de la cuadrilla o un artículo de servicio al que hace referencia el trabajo se renombró o se eliminó en QuickBooks Desktop.',
    steps: [
      'Lee el mensaje en la bitácora de sincronización para ver qué nombre no encontró QuickBooks.',
      'En QuickBooks Desktop, busca ese nombre en la lista que corresponda ("Customers > Customer Center", "Lists > Item List", "Employees > Employee Center"), con las entradas inactivas visibles.',
      'Restaura ese nombre en QuickBooks Desktop o cambia el registro en la app de trabajos para que use un nombre que sí exista.',
      QBD_RESYNC,
    ],
  },
  '501': {
    title: 'Ficha que esta versión de qbXML no puede describir',
    meaning:
      'QuickBooks Desktop tiene un registro que la versión de qbXML que usa el servicio de sincronización no puede representar, así que lo dejó fuera.',
    likelyCause: 'El archivo de empresa usa una función de QuickBooks más nueva que la que conoce el conector de sincronización.',
    steps: [
      'Anota qué tipo de registro menciona la bitácora de sincronización.',
      'Pregunta al equipo de soporte del servicio de sincronización si hay una actualización del conector para tu versión de QuickBooks Desktop.',
      QBD_REPORT_TO_SUPPORT,
    ],
  },
  '510': {
    title: 'No se pudo devolver el registro',
    meaning: 'QuickBooks Desktop encontró el registro, pero no pudo entregárselo al servicio de sincronización.',
    likelyCause: 'Una falla momentánea de QuickBooks o un daño menor en el archivo de empresa alrededor de ese registro.',
    steps: [
      QBD_RESYNC,
      'Si vuelve a fallar, ejecuta "File > Utilities > Verify Data" en QuickBooks Desktop y sigue lo que indique (usa "Rebuild Data" si informa problemas).',
      QBD_REPORT_TO_SUPPORT,
    ],
  },
  '530': {
    title: 'Campo que este QuickBooks no admite',
    meaning: 'El servicio de sincronización envió un campo que tu edición o la versión de tu país de QuickBooks Desktop no tiene.',
    likelyCause:
      'Un campo que solo existe en algunas ediciones (por ejemplo, campos de impuestos exclusivos de EE. UU. en un archivo de Canadá o del Reino Unido), o un campo de datos personales que la integración no tiene permiso para leer.',
    steps: [
      'Lee la bitácora de sincronización para ver qué campo nombró QuickBooks.',
      'Si es un campo de datos personales, pide al administrador de QuickBooks que permita el acceso a datos personales para esta integración en "Edit > Preferences > Integrated Applications > Company Preferences > Properties".',
      'Si no, deja vacío ese campo en el registro de la app de trabajos, o pide a soporte que deje de enviarlo para tu edición.',
      QBD_RESYNC,
    ],
  },
  '531': {
    title: 'Opción que este QuickBooks no admite',
    meaning: 'Un campo recibió un valor de una lista fija que tu edición de QuickBooks Desktop no ofrece.',
    likelyCause:
      'Un ajuste como un método de pago, un método de envío o una opción de impuestos que solo existe en otra edición o región.',
    steps: [
      'Lee la bitácora de sincronización para ver qué campo y qué valor nombró QuickBooks.',
      'Elige en el registro de la app de trabajos (o en la asignación de la configuración de sincronización) un valor que tu QuickBooks Desktop sí ofrezca.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '540': {
    title: 'Demasiadas coincidencias (solo la antigua edición en línea)',
    meaning:
      'Una búsqueda encontró más registros que el límite de 1000. QuickBooks documenta este aviso solo para su antigua edición en línea, ya retirada, así que nunca debería venir de un archivo de empresa de QuickBooks Desktop.',
    likelyCause: 'El conector de sincronización se está comunicando con algo distinto de tu archivo de empresa de QuickBooks Desktop.',
    steps: [QBD_CHECK_DESKTOP_FILE, QBD_REPORT_TO_SUPPORT],
  },
  '550': {
    title: 'Se guardó, pero sin las notas',
    meaning: 'QuickBooks Desktop guardó el registro, pero no pudo almacenar las notas que lo acompañaban.',
    likelyCause: 'Notas largas del trabajo o de la visita copiadas desde la app de trabajos, o un problema temporal al escribirlas.',
    steps: [
      'Abre el registro en QuickBooks Desktop y comprueba que llegó todo menos las notas.',
      'Si las notas importan para la contabilidad, cópialas a mano desde la app de trabajos al registro en QuickBooks Desktop.',
      'No hace falta pulsar «Volver a sincronizar» para el registro en sí: ya existe en QuickBooks.',
    ],
  },
  '560': {
    title: 'Se usó un campo obsoleto',
    meaning:
      'La solicitud funcionó, pero usó un campo que QuickBooks piensa retirar. Es un aviso para el servicio de sincronización, no para ti.',
    likelyCause: 'El conector de sincronización todavía envía un nombre de campo antiguo.',
    steps: [
      'No tienes que hacer nada en QuickBooks Desktop; el registro se guardó.',
      'Coméntaselo al equipo de soporte del servicio de sincronización para que actualicen el conector antes de que el campo desaparezca.',
    ],
  },
  '570': {
    title: 'No se puede vincular a una transacción cerrada',
    meaning: 'El registro pedía vincularse a otra transacción, pero esa transacción ya está cerrada en QuickBooks Desktop.',
    likelyCause:
      'Un pago de la app de trabajos se aplicó a una factura que ya está pagada por completo, o una factura de proveedor se vinculó a una orden de compra cerrada.',
    steps: [
      'Abre la transacción de destino en QuickBooks Desktop ("Edit > Find") y mira si ya está pagada o cerrada.',
      'Si se pagó dos veces, elimina el pago duplicado en la app de trabajos o en QuickBooks Desktop.',
      'Si el vínculo está mal, asigna el pago a la factura abierta correcta en la app de trabajos.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '1000': {
    title: 'Error interno de QuickBooks',
    meaning:
      'QuickBooks Desktop tuvo un problema propio al procesar la solicitud; no significa necesariamente que tu registro tuviera algo mal.',
    likelyCause: 'Una falla temporal de QuickBooks o un daño en el archivo de empresa.',
    steps: [
      QBD_RESYNC,
      'Si vuelve a fallar, cierra y abre de nuevo QuickBooks Desktop y luego ejecuta "File > Utilities > Verify Data".',
      'Si "Verify Data" informa problemas, haz una copia de seguridad del archivo de empresa y ejecuta "File > Utilities > Rebuild Data".',
      QBD_REPORT_TO_SUPPORT,
    ],
  },
  '1010': {
    title: 'QuickBooks no está disponible',
    meaning: 'QuickBooks Desktop no pudo atender la solicitud en ese momento.',
    likelyCause: 'QuickBooks estaba ocupado, cerrándose o haciendo una copia de seguridad mientras se ejecutaba el Web Connector.',
    steps: [
      'Espera a que nadie esté haciendo una copia de seguridad, un informe grande o una utilidad de datos en QuickBooks Desktop.',
      QBD_RESYNC,
    ],
  },
  '1030': {
    title: 'Solicitud que este QuickBooks no admite',
    meaning: 'Tu versión o edición de QuickBooks Desktop no reconoce este tipo de solicitud.',
    likelyCause:
      'Un QuickBooks de un año anterior, o una edición sin esa función (por ejemplo, órdenes de venta o presupuestos), que recibe un tipo de registro que no puede guardar.',
    steps: [
      'Revisa el año y la edición de tu QuickBooks Desktop en "Help > About QuickBooks".',
      'Instala la versión más reciente con "Help > Update QuickBooks Desktop".',
      'Si tu edición no puede guardar este tipo de registro, desactiva la sincronización de ese tipo en la configuración de sincronización.',
      QBD_RESYNC,
    ],
  },
  '1060': {
    title: 'Número de solicitud no válido',
    meaning:
      'No se aceptó el número de referencia que el servicio de sincronización le dio a su solicitud (demasiado largo o mal formado).',
    likelyCause: 'Una falla del conector de sincronización, no de tus datos.',
    steps: ['No hay que cambiar nada en QuickBooks Desktop ni en la app de trabajos.', QBD_REPORT_TO_SUPPORT],
  },
  '2000': oldOnlineEdition('Inicio de sesión rechazado (solo la antigua edición en línea)', 'Se rechazó un inicio de sesión.'),
  '2010': oldOnlineEdition(
    'Acceso no permitido (solo la antigua edición en línea)',
    'No se permitió que la conexión llegara al servidor.',
  ),
  '2020': oldOnlineEdition(
    'Primero hay que iniciar sesión (solo la antigua edición en línea)',
    'Se envió una solicitud antes de que alguien iniciara sesión.',
  ),
  '2030': oldOnlineEdition(
    'Versión de inicio de sesión no admitida (solo la antigua edición en línea)',
    'El inicio de sesión usó una versión que el servidor no acepta.',
  ),
  '3000': {
    title: 'El ID de QuickBooks guardado no es válido',
    meaning: 'El ID de QuickBooks guardado para este registro no es uno que QuickBooks Desktop acepte para ese campo.',
    likelyCause:
      'El vínculo se hizo con otro archivo de empresa (por ejemplo, una copia de prueba o el archivo del año pasado), o el ID se dañó, así que no apunta a nada en este archivo.',
    steps: [
      'Confirma que el Web Connector abre el archivo de empresa correcto ("File > Update Web Services" muestra qué aplicación y qué archivo usa).',
      'En QuickBooks Desktop, revisa si el cliente, el trabajo o el artículo ya existe con su nombre; si existe, anótalo para no duplicarlo.',
      QBD_CLEAR_ID,
      QBD_RESYNC,
    ],
  },
  '3010': {
    title: 'Valor de sí/no no reconocido',
    meaning: 'Un campo de sí/no de la solicitud tenía un valor que QuickBooks Desktop no pudo leer.',
    likelyCause:
      'Un campo tipo casilla en el registro de la app de trabajos (por ejemplo, gravable o facturable) con un valor inesperado.',
    steps: [
      'Abre el registro en la app de trabajos y vuelve a guardar sus casillas (gravable, facturable, activo).',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
      QBD_REPORT_TO_SUPPORT,
    ],
  },
  '3020': {
    title: 'Fecha no reconocida',
    meaning: 'QuickBooks Desktop no pudo leer una fecha de la solicitud.',
    likelyCause:
      'Una fecha de visita, de factura o de vencimiento en la app de trabajos que está vacía donde hace falta una fecha, o que queda fuera del rango que acepta QuickBooks.',
    steps: [
      'Abre el registro en la app de trabajos y revisa todas sus fechas (fecha del servicio, fecha de factura, fecha de vencimiento).',
      'Escribe una fecha de calendario real en cada una.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3030': {
    title: 'Rango de fechas invertido',
    meaning: 'Una fecha "desde" quedó después de su fecha "hasta".',
    likelyCause:
      'Un servicio recurrente o un período de informe en la app de trabajos cuya fecha de fin es anterior a la de inicio.',
    steps: [
      'Abre el registro en la app de trabajos e intercambia o corrige las fechas de inicio y de fin.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3031': {
    title: 'Rango de texto no válido',
    meaning: 'Un par de valores de texto "desde" y "hasta" (como un rango de nombres o de números) no era válido.',
    likelyCause: 'Una búsqueda por un rango de números de factura o de nombres en la que el rango está vacío o invertido.',
    steps: ['Lo más probable es que tus registros estén bien.', QBD_RESYNC, QBD_REPORT_TO_SUPPORT],
  },
  '3035': {
    title: 'Duración no reconocida',
    meaning: 'Una duración (horas y minutos) de la solicitud no tenía un formato que QuickBooks Desktop acepte.',
    likelyCause: 'Un registro de tiempo de la cuadrilla en la app de trabajos con un número de horas negativo, vacío o imposible.',
    steps: [
      'Abre el registro de tiempo de la cuadrilla en la app de trabajos y revisa la hora de inicio, la de fin y el total de horas.',
      'Corrige las horas para que sean positivas y realistas.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3040': {
    title: 'Importe no reconocido',
    meaning: 'QuickBooks Desktop no pudo convertir uno de los importes de la solicitud en dinero o en un número.',
    likelyCause:
      'Un precio, una cantidad o un total en la app de trabajos con demasiados decimales, vacío o demasiado grande para QuickBooks.',
    steps: [
      'Lee la bitácora de sincronización para ver qué campo nombró QuickBooks.',
      'Abre el registro en la app de trabajos y corrige ese importe (dos decimales para dinero, un número simple para cantidades).',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3045': {
    title: 'Precio no reconocido',
    meaning: 'QuickBooks Desktop no pudo leer un precio o una tarifa de la solicitud.',
    likelyCause:
      'Una tarifa en una línea de servicio (por ejemplo, una tarifa por hora de corte de césped o de poda) con más decimales de los que acepta QuickBooks, a menudo una tarifa calculada con una fórmula que nunca se redondeó.',
    steps: [
      'Lee la bitácora de sincronización para ver qué campo nombró QuickBooks (a menudo "Rate").',
      'Abre el registro en la app de trabajos y redondea ese precio o esa tarifa a centavos.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3070': {
    title: 'Texto demasiado largo para QuickBooks',
    meaning: 'Un texto es más largo de lo que QuickBooks Desktop permite en ese campo.',
    likelyCause:
      'Un nombre largo de cliente o de trabajo, una línea de dirección o la descripción de una línea en la app de trabajos; QuickBooks Desktop mantiene cortos los nombres y las líneas de dirección (unos 41 caracteres).',
    steps: [
      'Lee la bitácora de sincronización para ver qué campo y qué texto nombró QuickBooks.',
      'Acorta ese texto en el registro de la app de trabajos (si hace falta, pasa el detalle extra a las notas).',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3100': {
    title: 'El nombre ya está en uso',
    meaning: 'QuickBooks Desktop ya tiene un registro con este mismo nombre, así que no creará un segundo.',
    likelyCause:
      'El cliente, el trabajo, el miembro de la cuadrilla o el artículo de servicio se ingresó a mano en QuickBooks Desktop antes de la sincronización, o un registro inactivo (o un proveedor o empleado) ya usa el mismo nombre.',
    steps: [
      'En QuickBooks Desktop, busca el nombre en las listas con las entradas inactivas visibles ("Customers > Customer Center", "Vendors > Vendor Center", "Employees > Employee Center", "Lists > Item List").',
      'Si es el mismo cliente o artículo, vincúlalos: pide a soporte que asocie el registro de la app de trabajos con ese registro de QuickBooks, o elimina el duplicado hecho a mano si no tiene transacciones.',
      'Si es otra persona o empresa con el mismo nombre, cambia el nombre de una de ellas en la app de trabajos (por ejemplo, agrega la ciudad o "(proveedor)").',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3120': {
    title: 'No se encontró el registro vinculado de QuickBooks',
    meaning: 'El servicio de sincronización todavía apunta a un registro de QuickBooks Desktop que ya no existe con ese ID.',
    likelyCause:
      'Alguien eliminó, combinó o volvió a crear el cliente, el trabajo, el artículo o la factura en QuickBooks Desktop después de sincronizarlo, o el Web Connector abrió otro archivo de empresa.',
    steps: [
      'Asegúrate de que el Web Connector esté trabajando con el archivo de empresa correcto.',
      'En QuickBooks Desktop, busca el registro (con las entradas inactivas visibles); si existe uno de reemplazo, decide si lo conservas o lo eliminas para no terminar con dos.',
      QBD_CLEAR_ID,
      QBD_RESYNC,
    ],
  },
  '3140': {
    title: 'Hace referencia a un registro que QuickBooks no puede usar',
    meaning:
      'El registro apunta a otro (cliente, artículo, cuenta, clase, miembro de la cuadrilla) que QuickBooks Desktop no encuentra o no puede usar.',
    likelyCause:
      'Una factura para un cliente o artículo de servicio que todavía no se sincronizó, que se marcó como inactivo o que se eliminó en QuickBooks Desktop; o una cuenta de ingresos asignada en la configuración de sincronización que ya no existe.',
    steps: [
      'Lee la bitácora de sincronización: indica el tipo de registro y el nombre que QuickBooks no pudo usar.',
      'En QuickBooks Desktop, busca ese registro con las entradas inactivas visibles; si está inactivo, haz clic derecho sobre él y elige "Make Active".',
      'Si no existe, sincroniza primero el cliente o el artículo (búscalo en «Registros sin sincronizar»), o cambia la asignación en la configuración de sincronización a una cuenta o artículo que exista.',
      QBD_RESYNC,
    ],
  },
  '3150': {
    title: 'Falta información obligatoria',
    meaning: 'No se envió un campo que QuickBooks Desktop necesita para este tipo de registro.',
    likelyCause:
      'Un valor obligatorio vacío en el registro de la app de trabajos, como el nombre del cliente, el artículo de una línea de factura o una cuenta en la configuración de sincronización.',
    steps: [
      'Lee la bitácora de sincronización para ver qué elemento dice QuickBooks que falta.',
      'Completa el campo correspondiente en la app de trabajos o en la configuración de sincronización.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3170': {
    title: 'QuickBooks rechazó el cambio en un registro de lista',
    meaning:
      'QuickBooks Desktop no aplicó una actualización a un registro de lista (cliente, trabajo, artículo, proveedor) y dio su propio motivo.',
    likelyCause:
      'El registro se renombró en QuickBooks Desktop y la actualización lo combinaría con otro, o el cambio rompe una regla de QuickBooks (por ejemplo, cambiar el tipo de un artículo).',
    steps: [
      QBD_READ_INNER_MESSAGE,
      'Si menciona una combinación ("merge"), compara el nombre en QuickBooks Desktop con el de la app de trabajos y haz que coincidan (deshaz el cambio de nombre manual en uno de los dos lados).',
      'Si no, corrige el registro en la app de trabajos para que cumpla la regla que indicó QuickBooks.',
      QBD_RESYNC,
    ],
  },
  '3171': {
    title: 'La fecha está en un período cerrado',
    meaning:
      'La transacción tiene una fecha igual o anterior a la fecha de cierre configurada en QuickBooks Desktop, así que no se puede agregar ni modificar.',
    likelyCause: 'Una factura o un pago tardío por trabajos del mes o del año pasado, registrado después de cerrar los libros.',
    steps: [
      'Revisa la fecha de cierre en QuickBooks Desktop, en "Company > Set Closing Date".',
      'Lo preferible: cambia la fecha de la transacción en la app de trabajos a una fecha posterior a la de cierre, si tu contador está de acuerdo.',
      'Si no, pide al administrador de QuickBooks que mueva la fecha de cierre (o que le dé al usuario de la integración la contraseña de la fecha de cierre) solo para este cambio.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3175': {
    title: 'Otra persona tiene bloqueado el registro',
    meaning:
      'QuickBooks Desktop no pudo bloquear el registro para modificarlo porque otro usuario u otro programa está trabajando en él.',
    likelyCause:
      'Alguien de la oficina tenía abierto este cliente, factura o pago en QuickBooks Desktop mientras se ejecutaba el Web Connector.',
    steps: [
      'Pide a todos los que usan QuickBooks Desktop que guarden y cierren la ventana de este registro.',
      QBD_RESYNC,
      'Si pasa a menudo, programa el Web Connector para una hora en la que nadie esté editando en QuickBooks.',
    ],
  },
  '3176': {
    title: 'El registro está en uso',
    meaning: 'QuickBooks Desktop indicó que otro usuario o proceso está usando el registro, así que no se hizo el cambio.',
    likelyCause:
      'Una ventana de factura o de cliente abierta en otra computadora con QuickBooks, u otra integración actualizando el mismo registro al mismo tiempo.',
    steps: [
      'Pide a los demás usuarios de QuickBooks Desktop que cierren por ahora el registro (y cualquier formulario abierto).',
      QBD_RESYNC,
      'Si nunca se libera, haz que todos cierren sesión en el archivo de empresa y luego ejecuta la sincronización.',
    ],
  },
  '3180': {
    title: 'QuickBooks no pudo guardar el registro',
    meaning: 'QuickBooks Desktop se negó a guardar el registro y explicó el motivo en su propio mensaje.',
    likelyCause:
      'Motivos frecuentes: el cliente superó su límite de crédito, un número de cuenta ya está en uso, no hay suficiente existencia de un material, o otro usuario tenía bloqueada la transacción.',
    steps: [
      QBD_READ_INNER_MESSAGE,
      'Límite de crédito: súbelo en el cliente, en "Customers > Customer Center > Edit Customer > Payment Settings", o cobra primero.',
      'Cualquier otro motivo: corrige lo que indica el mensaje, en la app de trabajos o en QuickBooks Desktop.',
      QBD_RESYNC,
    ],
  },
  '3190': {
    title: 'No se puede vaciar un campo obligatorio',
    meaning:
      'Una actualización intentó dejar en blanco un campo que QuickBooks Desktop exige, como la cuenta de ingresos de un artículo de servicio.',
    likelyCause: 'El campo se borró en la app de trabajos o quedó vacío en la asignación de la sincronización.',
    steps: [
      'Lee la bitácora de sincronización para ver qué campo se negó a vaciar QuickBooks.',
      'Completa ese campo en la app de trabajos o en la asignación de la configuración de sincronización.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3200': {
    title: 'El registro cambió en QuickBooks después de leerse',
    meaning:
      'Alguien guardó este registro en QuickBooks Desktop después de que el servicio de sincronización lo leyera por última vez, así que QuickBooks rechazó la copia anterior.',
    likelyCause:
      'El cliente o la factura se editó en QuickBooks Desktop (o en otra app) entre el momento en que el servicio de sincronización la leyó y el envío de su actualización.',
    steps: [
      'Revisa en QuickBooks Desktop qué se cambió, para que no se pierda la edición de nadie.',
      QBD_RESYNC,
      'El servicio de sincronización lee la copia más reciente antes de volver a enviar; si los dos lados no coinciden, corrige la app de trabajos y pulsa «Volver a sincronizar».',
    ],
  },
  '3210': {
    title: 'Un campo tiene un valor que QuickBooks rechaza',
    meaning: 'Un campo de la transacción tiene un valor que QuickBooks Desktop no acepta, y QuickBooks explica por qué.',
    likelyCause:
      'Un pago mayor que lo que aún se debe de la factura (a menudo porque la factura ya se había pagado en QuickBooks), o una cuenta del tipo equivocado.',
    steps: [
      QBD_READ_INNER_MESSAGE,
      'Si dice que no puedes pagar más que el saldo pendiente, abre la factura en QuickBooks Desktop y busca un pago anterior; elimina el pago duplicado en la app de trabajos o en QuickBooks.',
      'Si no, corrige en la app de trabajos el campo que se indica.',
      QBD_RESYNC,
    ],
  },
  '3231': {
    title: 'Solicitud omitida por un error anterior',
    meaning: 'QuickBooks Desktop ni siquiera intentó esta solicitud, porque falló una solicitud anterior del mismo lote.',
    likelyCause:
      'Otro elemento sincronizado en la misma ejecución del Web Connector falló primero (por ejemplo, un cliente que no se pudo crear) y se detuvo el resto del lote.',
    steps: [
      'Busca en la bitácora de sincronización el primer elemento fallido de esa misma ejecución y corrígelo.',
      QBD_RESYNC,
    ],
  },
  '3240': {
    title: 'El vínculo con el registro de QuickBooks está roto',
    meaning:
      'El registro de QuickBooks Desktop vinculado a este elemento se movió, cambió hasta no reconocerse o se eliminó, así que el vínculo guardado ya no funciona.',
    likelyCause:
      'El cliente, el trabajo o el artículo se eliminó, se combinó o se volvió a crear en QuickBooks Desktop después de la primera sincronización.',
    steps: [
      'En QuickBooks Desktop, busca alguna copia suelta del registro; elimina o marca como inactiva cualquier copia que no quieras, para que el registro nuevo no quede duplicado.',
      QBD_CLEAR_ID,
      QBD_RESYNC,
    ],
  },
  '3250': {
    title: 'Función desactivada o no incluida en esta edición',
    meaning:
      'El registro necesita una función de QuickBooks Desktop que está desactivada en este archivo de empresa o que no forma parte de tu edición.',
    likelyCause:
      'Se están sincronizando presupuestos, órdenes de venta, clases, varias monedas o inventario mientras esa preferencia está desactivada en QuickBooks Desktop.',
    steps: [
      'Lee la bitácora de sincronización para ver qué tipo de registro falló.',
      'Activa la función en "Edit > Preferences" (por ejemplo, "Sales & Customers", "Accounting" o "Items & Inventory" > "Company Preferences"), si tu edición la tiene.',
      'Si tu edición no la tiene, desactiva la sincronización de ese tipo de registro en la configuración de sincronización.',
      QBD_RESYNC,
    ],
  },
  '3260': {
    title: 'El usuario de QuickBooks no tiene permiso',
    meaning: 'El usuario de QuickBooks Desktop con el que trabaja la integración no tiene permiso para hacer esta acción.',
    likelyCause:
      'La integración inicia sesión como un usuario restringido, o un usuario restringido tenía abierto el archivo de empresa cuando se ejecutó el Web Connector.',
    steps: [
      'Inicia sesión en QuickBooks Desktop como administrador (Admin) en modo de un solo usuario ("File > Switch to Single-user Mode").',
      'Ve a "Edit > Preferences > Integrated Applications > Company Preferences", selecciona la aplicación de sincronización y abre "Properties".',
      'Configúrala para que inicie sesión como Admin o como un usuario con acceso completo, y guarda.',
      'Cierra QuickBooks (o cierra la sesión del usuario restringido) para que el Web Connector use ese inicio de sesión, y luego pulsa «Volver a sincronizar».',
    ],
  },
  '3261': {
    title: 'Sin permiso para leer datos personales',
    meaning:
      'La integración no tiene acceso a los datos personales (como números de identificación fiscal o fechas de nacimiento) de este archivo de empresa.',
    likelyCause: 'Cuando se autorizó la aplicación de sincronización, la casilla de datos personales quedó sin marcar.',
    steps: [
      'Inicia sesión en QuickBooks Desktop como administrador (Admin).',
      'Ve a "Edit > Preferences > Integrated Applications > Company Preferences", selecciona la aplicación de sincronización y abre "Properties".',
      'Marca la opción que permite el acceso a datos personales y guarda.',
      QBD_RESYNC,
    ],
  },
  '3290': {
    title: 'Líneas enviadas en el orden equivocado',
    meaning: 'QuickBooks Desktop espera las partes del registro en un orden fijo y encontró una fuera de lugar.',
    likelyCause: 'Una falla en cómo el conector de sincronización armó la solicitud; normalmente tus datos están bien.',
    steps: ['Lo más probable es que no haya nada mal en QuickBooks Desktop ni en la app de trabajos.', QBD_REPORT_TO_SUPPORT],
  },
};

// Steps repeated across SDK entries (mirrors the constants in ../sdk.ts).
const SDK_RESYNC =
  'En el servicio de sincronización, abre «Registros sin sincronizar» y pulsa «Volver a sincronizar» en este elemento (o espera la próxima ejecución del Web Connector).';
const SDK_OPEN_QB_WITH_FILE =
  'En la computadora de QuickBooks, abre QuickBooks Desktop y el archivo de empresa que usa la sincronización.';
const SDK_RUN_WEB_CONNECTOR =
  'Abre el Web Connector ("File > Update Web Services" en QuickBooks), marca la aplicación de sincronización y haz clic en "Update Selected".';
const SDK_INTEGRATED_APPS =
  'Inicia sesión en QuickBooks Desktop como administrador (Admin), en modo de un solo usuario ("File > Switch to Single-user Mode"), y ve a "Edit > Preferences > Integrated Applications > Company Preferences".';
const SDK_REPORT_TO_SUPPORT =
  'Si sigue fallando, envía el texto del error de la bitácora de sincronización (y la bitácora del Web Connector, QWCLog.txt) al equipo de soporte del servicio de sincronización.';
const SDK_REPAIR_QUICKBOOKS =
  'Panel de control de Windows > Programas y características > QuickBooks > Desinstalar o cambiar > Reparar';

export const SDK_ES: CatalogTranslation = {
  '0x80040400': {
    title: 'QuickBooks no pudo leer la solicitud',
    meaning:
      'QuickBooks Desktop rechazó la solicitud antes de mirar tus datos, porque el mensaje en sí no estaba bien formado.',
    likelyCause:
      'Caracteres poco comunes en un nombre, una dirección o una descripción en la app de trabajos (signos &, comillas tipográficas, símbolos pegados desde un correo o un teléfono), o una falla del conector de sincronización.',
    steps: [
      'Abre el registro en la app de trabajos y vuelve a escribir los nombres, las direcciones y las descripciones de línea sin símbolos especiales ni caracteres pegados.',
      'Guarda el registro y luego pulsa «Volver a sincronizar» en este elemento, en «Registros sin sincronizar».',
      SDK_REPORT_TO_SUPPORT,
    ],
  },
  '0x80040401': {
    title: 'No se pudo conectar con QuickBooks',
    meaning: 'El Web Connector intentó conectarse con QuickBooks Desktop y el intento de conexión falló.',
    likelyCause:
      'QuickBooks y el Web Connector se ejecutan con usuarios de Windows distintos (o el Web Connector se ejecuta como servicio), o la instalación de QuickBooks está dañada.',
    steps: [
      'Asegúrate de que QuickBooks Desktop y el Web Connector se ejecuten en la misma computadora, con el mismo usuario de Windows, y que los dos se abran de la forma normal (no como servicio).',
      `Si ya es así, repara QuickBooks desde ${SDK_REPAIR_QUICKBOOKS}.`,
      SDK_RUN_WEB_CONNECTOR,
      SDK_RESYNC,
    ],
  },
  '0x80040402': {
    title: 'Error inesperado en la conexión con QuickBooks',
    meaning: 'La capa de conexión de QuickBooks falló por un motivo que no indicó.',
    likelyCause:
      'Una falla puntual de QuickBooks o de su componente de conexión; los detalles quedan en el archivo qbsdklog.txt de la computadora de QuickBooks.',
    steps: [
      SDK_RESYNC,
      'Si vuelve a fallar, reinicia QuickBooks Desktop y el Web Connector, y luego ejecuta "Update Selected".',
      SDK_REPORT_TO_SUPPORT,
    ],
  },
  '0x80040403': {
    title: 'No se pudo abrir el archivo de empresa',
    meaning: 'QuickBooks Desktop no pudo abrir el archivo de empresa para el que está configurada la sincronización.',
    likelyCause:
      'El archivo de empresa se movió, se renombró o está en una unidad de red que no está conectada, o el archivo está dañado.',
    steps: [
      'En QuickBooks Desktop, usa "File > Open or Restore Company" para abrir el archivo de empresa y anota dónde está guardado.',
      'Si se movió, vuelve a configurar la sincronización para la nueva ubicación (soporte puede enviarte un archivo nuevo del Web Connector) o devuélvelo a su lugar.',
      SDK_RUN_WEB_CONNECTOR,
      SDK_RESYNC,
    ],
  },
  '0x80040407': {
    title: 'Instalación de QuickBooks incompleta',
    meaning:
      'La instalación de QuickBooks Desktop en esta computadora parece incompleta, así que no se pudo iniciar para la sincronización.',
    likelyCause: 'Una instalación o actualización de QuickBooks Desktop que se interrumpió.',
    steps: [
      `Termina o repara la instalación: ${SDK_REPAIR_QUICKBOOKS}.`,
      'Abre QuickBooks Desktop una vez a mano para confirmar que arranca.',
      SDK_RUN_WEB_CONNECTOR,
    ],
  },
  '0x80040408': {
    title: 'No se pudo iniciar QuickBooks',
    meaning: 'El Web Connector no pudo iniciar QuickBooks Desktop ni conectarse a él.',
    likelyCause:
      'QuickBooks estaba cerrado y la sincronización no tiene permiso para abrirlo por su cuenta, había una ventana emergente esperando en QuickBooks, o QuickBooks y el Web Connector se abrieron con distinta configuración de "Ejecutar como administrador".',
    steps: [
      SDK_OPEN_QB_WITH_FILE,
      'Cierra cualquier ventana emergente o mensaje abierto en QuickBooks.',
      'Para que la sincronización funcione con QuickBooks cerrado, el administrador puede permitirlo en "Edit > Preferences > Integrated Applications > Company Preferences > Properties" (inicio de sesión automático).',
      'Abre QuickBooks y el Web Connector de la misma manera (los dos como administrador o ninguno).',
      SDK_RESYNC,
    ],
  },
  '0x8004040a': {
    title: 'Hay otro archivo de empresa abierto',
    meaning:
      'QuickBooks Desktop ya tiene abierto otro archivo de empresa, no el que está configurado para la sincronización.',
    likelyCause:
      'Alguien estaba trabajando en otra empresa (un archivo de ejemplo, el archivo del año pasado u otro negocio) cuando se ejecutó el Web Connector.',
    steps: [
      'En QuickBooks Desktop, cierra la otra empresa con "File > Close Company".',
      'Abre el archivo de empresa que usa la sincronización (o deja QuickBooks sin ninguna empresa abierta para que el Web Connector abra la correcta).',
      SDK_RESYNC,
    ],
  },
  '0x8004040d': {
    title: 'La sesión de conexión caducó',
    meaning: 'La sesión entre el Web Connector y QuickBooks Desktop ya no era válida.',
    likelyCause: 'QuickBooks se cerró o se reinició en medio de una sincronización.',
    steps: ['Asegúrate de que QuickBooks Desktop esté abierto y siga abierto durante la sincronización.', SDK_RESYNC],
  },
  '0x80040410': {
    title: 'Archivo de empresa abierto en el modo equivocado',
    meaning:
      'El archivo de empresa está abierto en modo de un solo usuario o multiusuario, pero la sincronización pidió el otro modo.',
    likelyCause:
      'QuickBooks quedó en modo de un solo usuario después de una copia de seguridad o una limpieza, o se pasó a multiusuario cuando la sincronización esperaba un solo usuario.',
    steps: [
      'En QuickBooks Desktop, usa "File > Switch to Multi-user Mode" (o "Switch to Single-user Mode" si soporte te dijo que la sincronización lo necesita).',
      SDK_RESYNC,
    ],
  },
  '0x80040414': {
    title: 'Una ventana de QuickBooks espera respuesta',
    meaning:
      'Hay una ventana emergente o un cuadro de mensaje abierto en QuickBooks Desktop, y nada más puede comunicarse con QuickBooks hasta que alguien lo cierre.',
    likelyCause:
      'Un aviso de actualización, un recordatorio de copia de seguridad, un cuadro de inicio de sesión o un formulario a medio terminar abierto en la computadora de QuickBooks.',
    steps: [
      'Ve a la computadora de QuickBooks y responde o cierra todas las ventanas emergentes de QuickBooks Desktop.',
      SDK_RESYNC,
      'Para que no se repita, desactiva en QuickBooks los recordatorios que no necesites (por ejemplo, los avisos de actualización automática).',
    ],
  },
  '0x80040416': {
    title: 'QuickBooks cerrado y sin archivo de empresa indicado',
    meaning: 'QuickBooks Desktop no estaba abierto y la sincronización no indicó qué archivo de empresa abrir.',
    likelyCause:
      'QuickBooks estaba cerrado en la computadora de la sincronización y la sincronización está configurada para usar "el archivo que esté abierto".',
    steps: [
      SDK_OPEN_QB_WITH_FILE,
      SDK_RESYNC,
      'Si quieres que las sincronizaciones funcionen con QuickBooks cerrado, pide a soporte que configure la ruta del archivo de empresa para el Web Connector.',
    ],
  },
  '0x80040418': {
    title: 'Primer acceso todavía sin aprobar',
    meaning:
      'La aplicación de sincronización nunca ha tenido permiso para entrar en este archivo de empresa, y solo el administrador de QuickBooks puede aprobarla la primera vez.',
    likelyCause:
      'Una configuración nueva, un archivo de empresa nuevo o una copia del archivo restaurada en otra computadora.',
    steps: [
      'Inicia sesión en QuickBooks Desktop como administrador (Admin), en modo de un solo usuario, con el archivo de empresa abierto.',
      SDK_RUN_WEB_CONNECTOR,
      'Cuando QuickBooks pregunte si deja entrar a la aplicación, elige permitirlo siempre, incluso cuando QuickBooks no esté abierto, y elige el usuario de inicio de sesión.',
      SDK_RESYNC,
    ],
  },
  '0x8004041a': {
    title: 'La aplicación de sincronización no tiene permiso en este archivo',
    meaning: 'Este archivo de empresa no permite que la aplicación de sincronización se conecte.',
    likelyCause:
      'Se quitó o se negó el acceso en las preferencias de "Integrated Applications", quizá al limpiar aplicaciones antiguas.',
    steps: [
      SDK_INTEGRATED_APPS,
      'Busca la aplicación de sincronización en la lista y marca su casilla "Allow access" (o quítala y vuelve a autorizarla).',
      SDK_RUN_WEB_CONNECTOR,
    ],
  },
  '0x8004041b': {
    title: 'QuickBooks no pudo bloquear su información de acceso',
    meaning:
      'QuickBooks Desktop no pudo bloquear en este momento lo que necesita para dejar entrar a la sincronización, y pide intentarlo más tarde.',
    likelyCause: 'Otro usuario u otro programa estaba cambiando la configuración de la empresa o los usuarios en ese mismo momento.',
    steps: [
      'Espera unos minutos, hasta que nadie esté cambiando preferencias ni usuarios en QuickBooks Desktop.',
      SDK_RESYNC,
    ],
  },
  '0x8004041c': {
    title: 'Error de QuickBooks al abrir el archivo de empresa',
    meaning: 'QuickBooks Desktop tuvo una falla interna al abrir el archivo de empresa para la sincronización.',
    likelyCause: 'Una falla temporal de QuickBooks o un daño en el archivo de empresa.',
    steps: [
      'Cierra QuickBooks Desktop por completo y vuelve a abrirlo con el archivo de empresa.',
      SDK_RESYNC,
      'Si se repite, ejecuta "File > Utilities > Verify Data", y "Rebuild Data" si encuentra problemas.',
    ],
  },
  '0x8004041d': {
    title: 'Inicio de sesión automático no permitido',
    meaning:
      'La aplicación de sincronización puede usar este archivo de empresa, pero no iniciar sesión por sí sola cuando no hay nadie frente a QuickBooks.',
    likelyCause:
      'Al conceder el acceso no se permitió el inicio de sesión automático, o no se eligió un usuario para iniciar sesión.',
    steps: [
      SDK_INTEGRATED_APPS,
      'Selecciona la aplicación de sincronización, abre "Properties" y permite que inicie sesión automáticamente, eligiendo al Admin o a un usuario con acceso completo.',
      SDK_RESYNC,
    ],
  },
  '0x8004041e': {
    title: 'El certificado de la aplicación caducó',
    meaning:
      'El certificado que identifica a la aplicación de sincronización caducó, así que QuickBooks Desktop no la deja iniciar sesión automáticamente.',
    likelyCause:
      'La aplicación de sincronización se actualizó o su certificado se renovó desde que se concedió el acceso por primera vez.',
    steps: [
      'Inicia sesión en QuickBooks Desktop como administrador (Admin) con el archivo de empresa abierto.',
      SDK_RUN_WEB_CONNECTOR,
      'Cuando QuickBooks avise que el certificado caducó, elige permitir siempre la aplicación.',
      SDK_RESYNC,
    ],
  },
  '0x8004041f': {
    title: 'Esta edición de QuickBooks no puede sincronizar',
    meaning: 'Esta edición de QuickBooks Desktop no acepta conexiones de otras aplicaciones.',
    likelyCause: 'En la computadora de la sincronización hay instalada una edición básica muy antigua (QuickBooks Basic).',
    steps: [
      'Revisa la edición en "Help > About QuickBooks".',
      'Pasa a QuickBooks Desktop Pro, Premier o Enterprise y luego vuelve a configurar la sincronización.',
    ],
  },
  '0x80040420': {
    title: 'Acceso rechazado en QuickBooks',
    meaning:
      'Un usuario de QuickBooks Desktop respondió "no" cuando QuickBooks preguntó si dejaba entrar a la aplicación de sincronización, o se retiró el permiso.',
    likelyCause: 'Alguien hizo clic en "No" en el aviso de acceso, o la aplicación sigue esperando permiso.',
    steps: [
      SDK_INTEGRATED_APPS,
      'Permite la aplicación de sincronización (marca su casilla de acceso, o quítala y deja que vuelva a pedir permiso).',
      SDK_RUN_WEB_CONNECTOR,
      'Responde "Yes" al aviso de QuickBooks y permite el inicio de sesión automático.',
    ],
  },
  '0x80040421': {
    title: 'Mensaje de QuickBooks',
    meaning: 'QuickBooks Desktop rechazó la conexión y envió su propia explicación junto con este código.',
    likelyCause:
      'Depende del mensaje: a menudo es una condición de inicio de sesión, de licencia o del archivo de empresa en la computadora de QuickBooks.',
    steps: [
      'Lee el texto del mensaje en la bitácora de sincronización; ahí se nombra la condición.',
      'Corrige esa condición en la computadora de QuickBooks.',
      SDK_RESYNC,
    ],
  },
  '0x80040422': {
    title: 'Otra aplicación está usando el archivo',
    meaning:
      'La sincronización necesita el archivo de empresa para ella sola, pero otra aplicación conectada ya lo está compartiendo.',
    likelyCause:
      'Un complemento de nómina, de control de horas o de cobros estaba conectado a QuickBooks Desktop al mismo tiempo.',
    steps: [
      'Cierra el otro complemento o espera a que termine.',
      SDK_RESYNC,
      'Si los dos funcionan con horario programado, sepáralos en el tiempo.',
    ],
  },
  '0x80040423': {
    title: 'QuickBooks es demasiado antiguo para la sincronización',
    meaning:
      'La sincronización pidió una versión del formato de solicitudes de QuickBooks que este QuickBooks Desktop no entiende.',
    likelyCause: 'QuickBooks Desktop lleva mucho tiempo sin actualizarse, o es de un año antiguo.',
    steps: [
      'Actualiza con "Help > Update QuickBooks Desktop" y reinicia QuickBooks.',
      'Comprueba en "Help > About QuickBooks" que tu año sea uno de los que admite el servicio de sincronización.',
      SDK_RESYNC,
    ],
  },
  '0x80040424': {
    title: 'QuickBooks todavía está iniciando',
    meaning: 'QuickBooks Desktop no había terminado de iniciar cuando la sincronización intentó conectarse.',
    likelyCause: 'El Web Connector se ejecutó justo después de encender la computadora o de abrir QuickBooks.',
    steps: ['Espera a que QuickBooks Desktop termine de abrir el archivo de empresa.', SDK_RESYNC],
  },
  '0x80040427': {
    title: 'QuickBooks no está registrado',
    meaning:
      'Esta copia de QuickBooks Desktop no se ha registrado ni activado, así que no acepta solicitudes de otras aplicaciones.',
    likelyCause: 'Una instalación nueva, una reinstalación o una copia cuyo registro nunca se completó.',
    steps: [
      'Registra QuickBooks Desktop con "Help > Register QuickBooks" (o "Activate QuickBooks").',
      'Reinicia QuickBooks Desktop.',
      SDK_RESYNC,
    ],
  },
  '0x8004042a': {
    title: 'No se permite el acceso remoto',
    meaning: 'QuickBooks Desktop rechazó la conexión porque venía de otra computadora.',
    likelyCause:
      'El Web Connector se ejecuta en una máquina distinta de la de QuickBooks, o a través de una sesión remota que QuickBooks no acepta.',
    steps: [
      'Instala y ejecuta el Web Connector en la misma computadora que QuickBooks Desktop.',
      'Agrega la aplicación de sincronización a ese Web Connector y ejecuta "Update Selected".',
    ],
  },
  '0x8004042c': {
    title: 'Certificado de la aplicación revocado',
    meaning:
      'El certificado que identifica a la aplicación de sincronización fue retirado, así que QuickBooks Desktop ya no confía en ella.',
    likelyCause: 'Un problema del lado del proveedor de la sincronización con el certificado que firma su aplicación.',
    steps: [
      'No se puede corregir nada desde QuickBooks Desktop.',
      'Contacta al equipo de soporte del servicio de sincronización; tienen que publicar una aplicación corregida.',
    ],
  },
  '0x80040154': {
    title: 'Falta el componente de conexión de QuickBooks',
    meaning:
      'Windows no encontró el componente de QuickBooks que permite que otros programas se comuniquen con QuickBooks Desktop.',
    likelyCause:
      'QuickBooks se reinstaló o se desinstaló en parte, o hay una diferencia de 32 y 64 bits entre QuickBooks y el Web Connector.',
    steps: [
      `Repara QuickBooks Desktop desde ${SDK_REPAIR_QUICKBOOKS}.`,
      'Si la reparación no ayuda, reinstala el QuickBooks Web Connector.',
      SDK_RUN_WEB_CONNECTOR,
    ],
  },
  '0x80010105': {
    title: 'QuickBooks dejó de responder',
    meaning: 'QuickBooks Desktop falló mientras atendía la solicitud del Web Connector.',
    likelyCause:
      'QuickBooks se cerró de golpe o se congeló durante la sincronización, a menudo después de estar abierto mucho tiempo o con poca memoria.',
    steps: [
      'Cierra QuickBooks Desktop por completo (revisa el Administrador de tareas) y vuelve a abrirlo con el archivo de empresa.',
      SDK_RESYNC,
      SDK_REPORT_TO_SUPPORT,
    ],
  },
};

// Steps repeated across Web Connector entries (mirrors the constants in ../qbwc.ts).
const QBWC_RESYNC =
  'En el servicio de sincronización, abre «Registros sin sincronizar» y pulsa «Volver a sincronizar» en los elementos afectados (o espera la próxima ejecución del Web Connector).';
const QBWC_UPDATE_SELECTED =
  'En la ventana del Web Connector, marca la aplicación de sincronización y haz clic en "Update Selected".';
const QBWC_OPEN_WEB_CONNECTOR = 'Abre el Web Connector desde QuickBooks Desktop con "File > Update Web Services".';
const QBWC_OPEN_QB_WITH_FILE =
  'En la computadora de QuickBooks, abre QuickBooks Desktop y el archivo de empresa que usa la sincronización.';
const QBWC_SEND_LOG =
  'Envía al equipo de soporte del servicio de sincronización la hora del error y la bitácora del Web Connector (QWCLog.txt, a la que llegas con el botón "View Logs" del Web Connector).';
const QBWC_NEW_QWC =
  'Pide al equipo de soporte del servicio de sincronización un archivo de configuración nuevo del Web Connector (.qwc) y agrégalo con "Add an application" en el Web Connector.';
const QBWC_IF_MISSING_NEW_QWC =
  'Si la aplicación de sincronización no aparece en la lista del Web Connector, pide al equipo de soporte del servicio de sincronización un archivo de configuración nuevo (.qwc) y agrégalo con "Add an application".';
const QBWC_FIX_LOG_FILE =
  'Asegúrate de que el usuario de Windows que ejecuta el Web Connector pueda escribir en su carpeta de bitácora (QWCLog.txt): la carpeta debe existir y no ser de solo lectura, y el disco debe tener espacio libre.';
const QBWC_ADD_QWC_AGAIN =
  'Vuelve a agregar el archivo de configuración (.qwc) con "Add an application" en el Web Connector.';
const QBWC_CLOSE_POPUP = 'Cierra cualquier ventana emergente abierta en QuickBooks Desktop.';
const QBWC_RETYPE_PASSWORD =
  'Vuelve a escribir la contraseña de sincronización en la columna "Password" de la aplicación de sincronización y deja que el Web Connector la guarde.';

// The English file repeats these texts word for word for several codes; so does the translation.
// Each entry gets its own copy so a consumer that edits one entry cannot change its siblings.
const setupFileNotAccepted = (): EntryText => ({
  title: 'Archivo de configuración no aceptado',
  meaning:
    'El Web Connector rechazó el archivo de configuración de la aplicación de sincronización porque una de sus direcciones web no es aceptable: las direcciones pueden estar en dominios distintos, usar una dirección IP sin nombre o apuntar a una página de soporte que no se pudo abrir.',
  likelyCause: 'Se agregó al Web Connector un archivo de configuración (.qwc) desactualizado, editado o de prueba.',
  steps: [
    QBWC_NEW_QWC,
    'Quita del Web Connector la entrada antigua de la aplicación de sincronización.',
    QBWC_UPDATE_SELECTED,
  ],
});
const COULD_NOT_CONNECT_TITLE = 'No se pudo conectar con QuickBooks';
const couldNotConnectSteps = (): string[] => [QBWC_OPEN_QB_WITH_FILE, QBWC_CLOSE_POPUP, QBWC_UPDATE_SELECTED, QBWC_RESYNC];
const QB_CLOSED_OR_BLOCKED =
  'QuickBooks Desktop estaba cerrado, no tenía ningún archivo de empresa abierto o lo bloqueaba una ventana emergente cuando empezó la ejecución.';
const PASSWORD_UNUSABLE_TITLE = 'No se pudo usar la contraseña guardada';
const PASSWORD_UNUSABLE_CAUSE =
  'El usuario de Windows o la computadora cambiaron desde que se guardó la contraseña, o la configuración del Web Connector se copió desde otra máquina.';
const passwordUnusableSteps = (): string[] => [QBWC_OPEN_WEB_CONNECTOR, QBWC_RETYPE_PASSWORD, QBWC_UPDATE_SELECTED];

export const QBWC_ES: CatalogTranslation = {
  QBWC1000: setupFileNotAccepted(),
  QBWC1001: setupFileNotAccepted(),
  QBWC1002: setupFileNotAccepted(),
  QBWC1003: setupFileNotAccepted(),
  QBWC1004: setupFileNotAccepted(),
  QBWC1005: {
    title: 'El Web Connector no pudo iniciarse',
    meaning: 'El programa Web Connector no pudo iniciarse correctamente en esta computadora.',
    likelyCause:
      'No puede escribir su archivo de bitácora, o Windows lo bloqueó (permisos, un disco lleno o un programa de seguridad).',
    steps: [
      QBWC_FIX_LOG_FILE,
      'Cierra el Web Connector por completo (también desde la bandeja del sistema de Windows) y vuelve a abrirlo.',
      QBWC_UPDATE_SELECTED,
    ],
  },
  QBWC1006: {
    title: 'El Web Connector no puede escribir su bitácora',
    meaning: 'El Web Connector no pudo escribir en su archivo de bitácora, así que se detuvo.',
    likelyCause:
      'La carpeta de la bitácora no existe o es de solo lectura, el disco está lleno, o el usuario de Windows no tiene permisos sobre ella.',
    steps: [QBWC_FIX_LOG_FILE, 'Reinicia el Web Connector.', QBWC_UPDATE_SELECTED],
  },
  QBWC1007: {
    title: COULD_NOT_CONNECT_TITLE,
    meaning: 'El Web Connector no pudo abrir una conexión con QuickBooks Desktop para esta ejecución.',
    likelyCause:
      'QuickBooks no estaba abierto, no había ningún archivo de empresa abierto o había una ventana emergente esperando en QuickBooks.',
    steps: couldNotConnectSteps(),
  },
  QBWC1008: {
    title: COULD_NOT_CONNECT_TITLE,
    meaning: 'El Web Connector no pudo comunicarse con QuickBooks Desktop al iniciar su sesión.',
    likelyCause:
      'QuickBooks cerrado, el archivo de empresa equivocado abierto o un cuadro de mensaje abierto en QuickBooks.',
    steps: couldNotConnectSteps(),
  },
  QBWC1009: {
    title: COULD_NOT_CONNECT_TITLE,
    meaning: 'El Web Connector no pudo empezar a trabajar con el archivo de empresa de QuickBooks Desktop.',
    likelyCause: 'QuickBooks no estaba abierto u ocupado con un cuadro de diálogo cuando empezó la ejecución programada.',
    steps: couldNotConnectSteps(),
  },
  QBWC1010: {
    title: 'Se requiere una dirección segura',
    meaning:
      'El Web Connector solo se comunica con servicios web mediante una dirección segura (https), y el archivo de configuración tenía una http simple.',
    likelyCause: 'Se instaló un archivo de configuración del Web Connector de prueba o desactualizado.',
    steps: [QBWC_NEW_QWC, 'Quita la entrada antigua del Web Connector.', QBWC_UPDATE_SELECTED],
  },
  QBWC1011: {
    title: 'La aplicación no aparece en la lista del Web Connector',
    meaning: 'El Web Connector no encontró la aplicación de sincronización en sus propios datos.',
    likelyCause:
      'La entrada de la aplicación se quitó o se dañó en Windows, por ejemplo después de usar una herramienta de limpieza o de un cambio de perfil de Windows.',
    steps: ['Reinicia el Web Connector.', QBWC_IF_MISSING_NEW_QWC, QBWC_UPDATE_SELECTED],
  },
  QBWC1012: {
    title: 'Falló el inicio de sesión en el servicio de sincronización',
    meaning: 'Algo salió mal mientras el Web Connector iniciaba sesión en el servicio de sincronización.',
    likelyCause: 'Se cortó la conexión a internet o el servicio de sincronización no estuvo disponible por un momento.',
    steps: [
      'Comprueba que la computadora de QuickBooks tenga internet (abre cualquier sitio web).',
      QBWC_UPDATE_SELECTED,
      'Si sigue fallando, revisa la página de estado del servicio de sincronización o contacta a soporte.',
      QBWC_SEND_LOG,
    ],
  },
  QBWC1013: {
    title: 'No se pudo conectar con QuickBooks (avisado al servicio de sincronización)',
    meaning: 'El Web Connector no pudo conectarse con QuickBooks Desktop y así se lo informó al servicio de sincronización.',
    likelyCause:
      'QuickBooks cerrado, otro archivo de empresa abierto o una ventana emergente bloqueando QuickBooks en la computadora de la sincronización.',
    steps: couldNotConnectSteps(),
  },
  QBWC1014: {
    title: 'QuickBooks no respondió las preguntas iniciales',
    meaning:
      'Al empezar una ejecución, el Web Connector le pregunta a QuickBooks Desktop por sí mismo, por el archivo de empresa y por sus preferencias. Esa respuesta no llegó o no se pudo leer, así que la ejecución terminó.',
    likelyCause:
      'QuickBooks todavía estaba abriendo el archivo de empresa, estaba ocupado con una copia de seguridad o un informe grande, o se cerró en los primeros segundos de la ejecución.',
    steps: [
      QBWC_OPEN_QB_WITH_FILE,
      'Espera a que nadie esté haciendo una copia de seguridad, una utilidad de datos o un informe grande en QuickBooks Desktop.',
      QBWC_UPDATE_SELECTED,
      QBWC_SEND_LOG,
    ],
  },
  QBWC1015: {
    title: 'La ejecución terminó, pero QuickBooks no se liberó bien',
    meaning:
      'La actualización en sí terminó, pero el Web Connector tuvo un error al cerrar su sesión y su conexión con QuickBooks Desktop.',
    likelyCause: 'QuickBooks se cerró, se congeló o mostró un mensaje justo cuando terminaba la ejecución.',
    steps: [
      'Revisa la bitácora de sincronización: lo sincronizado en esta ejecución suele quedar guardado; solo los elementos que siguen en Pendiente necesitan otra ejecución.',
      'Si QuickBooks Desktop parece congelado, ciérralo por completo (revisa el Administrador de tareas) y vuelve a abrirlo con el archivo de empresa.',
      QBWC_UPDATE_SELECTED,
      QBWC_SEND_LOG,
    ],
  },
  QBWC1016: {
    title: 'No hay ninguna aplicación seleccionada',
    meaning: 'Se hizo clic en "Update Selected", pero no había ninguna aplicación marcada en el Web Connector.',
    likelyCause: 'La casilla junto a la aplicación de sincronización quedó sin marcar.',
    steps: [
      'En la ventana del Web Connector, marca la casilla que está delante de la aplicación de sincronización.',
      'Haz clic en "Update Selected".',
    ],
  },
  QBWC1017: {
    title: 'Algunas aplicaciones no se actualizaron',
    meaning:
      'Se actualizaron varias aplicaciones a la vez, y el Web Connector indica cuáles no completaron su actualización. Cada una tiene su propio motivo en la bitácora.',
    likelyCause:
      'Falló uno de los servicios web del mismo Web Connector (el servicio de sincronización u otro complemento), o QuickBooks no estuvo disponible durante parte de la ejecución.',
    steps: [
      'En la ventana del Web Connector, lee la línea de estado junto a la aplicación de sincronización.',
      'Abre la bitácora de sincronización (elementos fallidos) en el servicio de sincronización y corrige lo que indica.',
      QBWC_UPDATE_SELECTED,
      QBWC_SEND_LOG,
    ],
  },
  QBWC1018: {
    title: 'No hay ninguna aplicación para actualizar',
    meaning: 'El Web Connector no tenía ninguna aplicación lista para ejecutarse.',
    likelyCause: 'La aplicación de sincronización nunca se agregó a este Web Connector, o está sin marcar.',
    steps: [QBWC_OPEN_WEB_CONNECTOR, QBWC_IF_MISSING_NEW_QWC, QBWC_UPDATE_SELECTED],
  },
  QBWC1019: {
    title: 'No hay nada cargado en el Web Connector',
    meaning: 'El Web Connector no tiene ninguna aplicación cargada.',
    likelyCause:
      'El Web Connector se reinstaló o se está ejecutando con un usuario de Windows distinto del que lo configuró.',
    steps: [
      'Inicia sesión en Windows con el usuario que configuró la sincronización.',
      QBWC_OPEN_WEB_CONNECTOR,
      QBWC_IF_MISSING_NEW_QWC,
      QBWC_UPDATE_SELECTED,
    ],
  },
  QBWC1020: {
    title: 'Se cerró el Web Connector con sincronizaciones programadas',
    meaning:
      'El Web Connector se cerró cuando todavía tenía sincronizaciones automáticas programadas, así que esas no se ejecutarán.',
    likelyCause: 'Alguien salió del Web Connector en lugar de minimizarlo, o se cerró la sesión de la computadora.',
    steps: [
      'Vuelve a abrir el Web Connector y déjalo en ejecución (minimízalo en lugar de cerrarlo).',
      'Mantén abierta la sesión del usuario de Windows y la computadora encendida (sin suspender) en los horarios de sincronización programados.',
      QBWC_UPDATE_SELECTED,
    ],
  },
  QBWC1021: {
    title: 'Problema al preparar la sesión de QuickBooks',
    meaning:
      'El Web Connector no pudo averiguar qué versión del formato de solicitudes de QuickBooks acepta este QuickBooks Desktop, así que no pudo empezar la ejecución.',
    likelyCause: 'QuickBooks estaba ocupado o se cerró a mitad de la ejecución, o su componente de conexión está dañado.',
    steps: ['Reinicia QuickBooks Desktop y el Web Connector.', QBWC_UPDATE_SELECTED, QBWC_SEND_LOG],
  },
  QBWC1022: {
    title: COULD_NOT_CONNECT_TITLE,
    meaning: 'El Web Connector no pudo abrir su conexión con QuickBooks Desktop.',
    likelyCause: QB_CLOSED_OR_BLOCKED,
    steps: couldNotConnectSteps(),
  },
  QBWC1023: {
    title: COULD_NOT_CONNECT_TITLE,
    meaning: 'El Web Connector no pudo iniciar una sesión con el archivo de empresa de QuickBooks Desktop.',
    likelyCause: QB_CLOSED_OR_BLOCKED,
    steps: couldNotConnectSteps(),
  },
  QBWC1024: {
    title: COULD_NOT_CONNECT_TITLE,
    meaning: 'El Web Connector perdió su enlace con QuickBooks Desktop durante la ejecución, o no pudo establecerlo.',
    likelyCause: QB_CLOSED_OR_BLOCKED,
    steps: couldNotConnectSteps(),
  },
  QBWC1025: {
    title: 'No se pudo revisar el archivo de empresa al agregar la aplicación',
    meaning:
      'Al agregar la aplicación de sincronización, el Web Connector llegó a QuickBooks Desktop, pero falló al buscar la marca de la aplicación (su FileID) en el archivo de empresa, y se detuvo.',
    likelyCause:
      'QuickBooks estaba ocupado o mostraba un mensaje mientras se agregaba el archivo de configuración, o el archivo de empresa tiene un problema.',
    steps: [QBWC_OPEN_QB_WITH_FILE, QBWC_CLOSE_POPUP, QBWC_ADD_QWC_AGAIN, QBWC_SEND_LOG],
  },
  QBWC1026: {
    title: 'El archivo de empresa rechazó la marca de la aplicación',
    meaning:
      'Al agregar la aplicación de sincronización, QuickBooks Desktop se negó a guardar la marca de la aplicación (su FileID) en el archivo de empresa.',
    likelyCause:
      'La marca del archivo de configuración ya está en uso en este archivo de empresa, por ejemplo porque el mismo archivo de configuración se agregó antes con otro nombre.',
    steps: [
      QBWC_NEW_QWC,
      'Quita del Web Connector la entrada antigua de la aplicación de sincronización.',
      QBWC_UPDATE_SELECTED,
    ],
  },
  QBWC1027: {
    title: 'No se pudo guardar la marca de la aplicación en el archivo de empresa',
    meaning:
      'Al agregar la aplicación de sincronización, el Web Connector tuvo un error al guardar la marca de la aplicación (su FileID) en el archivo de empresa, y se detuvo.',
    likelyCause:
      'QuickBooks estaba ocupado o mostraba un mensaje, o el usuario de QuickBooks con el que se inició sesión no puede modificar el archivo de empresa.',
    steps: [
      'Inicia sesión en QuickBooks Desktop como administrador (Admin) con el archivo de empresa abierto, y cierra cualquier ventana emergente.',
      QBWC_ADD_QWC_AGAIN,
      QBWC_SEND_LOG,
    ],
  },
  QBWC1028: {
    title: PASSWORD_UNUSABLE_TITLE,
    meaning: 'El Web Connector no pudo proteger (cifrar) la contraseña de sincronización que se le pidió guardar.',
    likelyCause: PASSWORD_UNUSABLE_CAUSE,
    steps: passwordUnusableSteps(),
  },
  QBWC1029: {
    title: PASSWORD_UNUSABLE_TITLE,
    meaning: 'El Web Connector no pudo volver a leer (descifrar) la contraseña de sincronización que había guardado.',
    likelyCause: PASSWORD_UNUSABLE_CAUSE,
    steps: passwordUnusableSteps(),
  },
  QBWC1030: {
    title: 'No hay contraseña configurada',
    meaning:
      'El Web Connector no tiene ninguna contraseña guardada para la aplicación de sincronización, así que no puede iniciar sesión.',
    likelyCause: 'La sincronización se acaba de agregar, o se borró la contraseña guardada.',
    steps: [
      QBWC_OPEN_WEB_CONNECTOR,
      'Escribe la contraseña que te dio el servicio de sincronización en la columna "Password" de la aplicación de sincronización, y deja que el Web Connector la guarde.',
      QBWC_UPDATE_SELECTED,
    ],
  },
  QBWC1031: {
    title: 'La sincronización programada terminó con errores',
    meaning: 'Una sincronización automática terminó, pero algunos elementos fallaron.',
    likelyCause:
      'QuickBooks Desktop rechazó uno o más registros; cada uno tiene su propio error en la bitácora de sincronización.',
    steps: [
      'Abre la bitácora de sincronización (elementos fallidos) o «Registros sin sincronizar» en el servicio de sincronización.',
      'Corrige cada elemento fallido siguiendo su propia explicación.',
      QBWC_RESYNC,
    ],
  },
  QBWC1032: {
    title: 'La lista del Web Connector está desactualizada',
    meaning: 'Lo que muestra el Web Connector ya no coincide con lo que tiene guardado sobre sus aplicaciones.',
    likelyCause:
      'Se agregó o se quitó una aplicación mientras el Web Connector estaba abierto, o su configuración guardada se cambió por fuera de él.',
    steps: ['Cierra el Web Connector por completo y vuelve a abrirlo.', QBWC_UPDATE_SELECTED],
  },
  QBWC1033: {
    title: 'Problema con el archivo de bitácora',
    meaning: 'El Web Connector no pudo crear ni escribir su archivo de bitácora.',
    likelyCause:
      'La carpeta de la bitácora no existe o es de solo lectura, el disco está lleno, o el usuario de Windows no tiene permisos sobre la carpeta.',
    steps: [QBWC_FIX_LOG_FILE, 'Reinicia el Web Connector.', QBWC_UPDATE_SELECTED],
  },
  QBWC1034: {
    title: 'Problema con el componente de conexión de QuickBooks',
    meaning:
      'El Web Connector tuvo problemas con el componente de QuickBooks que usa para comunicarse con QuickBooks Desktop.',
    likelyCause:
      'El procesador de solicitudes de QuickBooks está dañado o no se registró después de una actualización.',
    steps: [
      `Repara QuickBooks Desktop desde ${SDK_REPAIR_QUICKBOOKS}.`,
      'Reinicia la computadora y luego abre QuickBooks y el Web Connector.',
      QBWC_UPDATE_SELECTED,
    ],
  },
  QBWC1035: {
    title: 'El archivo de configuración apunta a una dirección de prueba',
    meaning:
      'La aplicación de sincronización está configurada para conectarse a "localhost", una dirección que solo funciona en la computadora de un programador.',
    likelyCause: 'Se envió un archivo de configuración de prueba en lugar del real.',
    steps: [QBWC_NEW_QWC, 'Quita la entrada antigua del Web Connector.', QBWC_UPDATE_SELECTED],
  },
  QBWC1036: {
    title: 'Falló la comprobación de versión con el servicio de sincronización',
    meaning: 'El Web Connector no pudo completar su comprobación de versión con el servicio de sincronización.',
    likelyCause: 'Un corte breve de la red o un problema del lado del servicio de sincronización durante la comprobación.',
    steps: [QBWC_UPDATE_SELECTED, QBWC_SEND_LOG],
  },
  QBWC1037: {
    title: 'Se requiere un Web Connector más reciente',
    meaning:
      'El servicio de sincronización necesita un Web Connector más reciente que el instalado, y se negó a continuar (o te avisó).',
    likelyCause: 'El Web Connector de la computadora de QuickBooks lleva mucho tiempo sin actualizarse.',
    steps: [
      'Descarga e instala el QuickBooks Web Connector actual desde el sitio de Intuit.',
      'Reinicia el Web Connector; la aplicación de sincronización se mantiene en su lista.',
      QBWC_UPDATE_SELECTED,
    ],
  },
  QBWC1038: {
    title: PASSWORD_UNUSABLE_TITLE,
    meaning: 'El Web Connector tuvo un problema con la clave que usa para proteger las contraseñas guardadas.',
    likelyCause: PASSWORD_UNUSABLE_CAUSE,
    steps: passwordUnusableSteps(),
  },
  QBWC1039: {
    title: 'No se pudo agregar la aplicación',
    meaning:
      'El Web Connector no pudo agregar la aplicación de sincronización porque su archivo de configuración está incompleto o dañado.',
    likelyCause: 'El archivo .qwc se editó, se descargó a medias o es una versión antigua.',
    steps: [
      QBWC_NEW_QWC,
      'Ábrelo desde el Web Connector con "Add an application" y confirma el aviso de acceso de QuickBooks.',
      QBWC_UPDATE_SELECTED,
    ],
  },
  QBWC1040: {
    title: 'Usuario o contraseña rechazados',
    meaning: 'El servicio de sincronización no aceptó el usuario o la contraseña guardados en el Web Connector.',
    likelyCause:
      'La contraseña de sincronización se cambió o se restableció en el servicio de sincronización, o se escribió mal en el Web Connector.',
    steps: [
      QBWC_OPEN_WEB_CONNECTOR,
      'Vuelve a escribir la contraseña de sincronización actual en la columna "Password" de la aplicación de sincronización y guárdala.',
      QBWC_UPDATE_SELECTED,
    ],
  },
  QBWC1041: {
    title: 'El servicio de sincronización falló al enviar trabajo',
    meaning:
      'El servicio de sincronización tuvo un error al entregarle la siguiente solicitud al Web Connector.',
    likelyCause: 'Una falla del lado del servicio de sincronización, a veces provocada por un solo registro poco común.',
    steps: [
      QBWC_UPDATE_SELECTED,
      'Si se repite, anota qué elementos se quedan en Pendiente en el servicio de sincronización.',
      QBWC_SEND_LOG,
    ],
  },
  QBWC1042: {
    title: 'El servicio de sincronización falló al recibir los resultados',
    meaning:
      'El servicio de sincronización tuvo un error al recibir del Web Connector la respuesta de QuickBooks Desktop.',
    likelyCause:
      'Una falla del lado del servicio de sincronización; puede que el registro se haya guardado en QuickBooks o puede que no.',
    steps: [
      'Antes de reintentar, revisa en QuickBooks Desktop si el registro se creó, para no ingresarlo dos veces.',
      QBWC_UPDATE_SELECTED,
      QBWC_SEND_LOG,
    ],
  },
  QBWC1043: {
    title: 'El servicio de sincronización falló al informar un error',
    meaning:
      'El servicio de sincronización tuvo un segundo error al intentar describirle el primero al Web Connector.',
    likelyCause: 'Una falla del lado del servicio de sincronización.',
    steps: [
      'Busca la falla original en la bitácora de sincronización del servicio de sincronización.',
      QBWC_UPDATE_SELECTED,
      QBWC_SEND_LOG,
    ],
  },
  QBWC1044: {
    title: 'El servicio de sincronización falló al terminar la ejecución',
    meaning: 'El servicio de sincronización tuvo un error al cerrar la ejecución de la sincronización.',
    likelyCause:
      'Una falla del lado del servicio de sincronización; lo que se hizo antes en la ejecución suele quedar guardado.',
    steps: [
      'Revisa en la bitácora de sincronización qué elementos siguen en Pendiente o fallaron.',
      QBWC_UPDATE_SELECTED,
      QBWC_SEND_LOG,
    ],
  },
  QBWC1045: {
    title: 'El servicio de sincronización falló al manejar un error de conexión con QuickBooks',
    meaning:
      'No se pudo llegar a QuickBooks Desktop, y después el servicio de sincronización falló al gestionar ese problema.',
    likelyCause:
      'QuickBooks estaba cerrado o bloqueado por una ventana emergente, sumado a una falla del lado del servicio de sincronización.',
    steps: [QBWC_OPEN_QB_WITH_FILE, QBWC_CLOSE_POPUP, QBWC_UPDATE_SELECTED, QBWC_SEND_LOG],
  },
  QBWC1046: {
    title: 'Respuesta de versión no reconocida',
    meaning:
      'El servicio de sincronización respondió a la comprobación de versión del Web Connector en un formato que este no pudo leer.',
    likelyCause: 'Una falla del lado del servicio de sincronización.',
    steps: ['No se puede corregir nada desde QuickBooks Desktop.', QBWC_SEND_LOG],
  },
  QBWC1048: {
    title: 'Certificado del servicio de sincronización no confiable',
    meaning:
      'El Web Connector no pudo confirmar el certificado de seguridad del sitio web del servicio de sincronización, así que se negó a conectarse.',
    likelyCause:
      'La fecha y la hora de la computadora de QuickBooks están mal, a Windows le faltan actualizaciones de certificados, o el certificado del servicio de sincronización tiene un problema.',
    steps: [
      'Comprueba que la fecha, la hora y la zona horaria de la computadora de QuickBooks sean correctas.',
      'Ejecuta Windows Update para que los certificados de confianza estén al día.',
      QBWC_UPDATE_SELECTED,
      'Si sigue fallando, contacta al equipo de soporte del servicio de sincronización: puede que tengan que corregir el certificado de su lado.',
    ],
  },
  QBWC1085: {
    title: 'No se puede escribir el archivo de bitácora',
    meaning: 'El Web Connector tuvo problemas para escribir su archivo de bitácora al iniciarse.',
    likelyCause: 'El archivo de bitácora creció demasiado, está dañado o su carpeta no permite escritura.',
    steps: [
      'Cierra el Web Connector por completo.',
      'Cambia el nombre del archivo de bitácora QWCLog.txt (por ejemplo, a QWCLog.old) para que se empiece uno nuevo.',
      'Vuelve a abrir el Web Connector.',
      QBWC_UPDATE_SELECTED,
    ],
  },
};
