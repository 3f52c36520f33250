/**
 * Spanish texts of the QuickBooks Desktop side of the error catalog: qbXML status codes (qbd.ts),
 * SDK / COM HRESULTs (sdk.ts) and Web Connector errors (qbwc.ts). Keys and step order follow the
 * English entries exactly; codes, categories and flags stay there.
 *
 * Wording: neutral Latin-American Spanish, "tú". QuickBooks Desktop has no Spanish edition in the
 * markets we serve, so its menus and buttons stay in English inside quotes, the way the bookkeeper
 * sees them on screen. Product words: Resync → "Volver a sincronizar", Clear ID → "Borrar ID",
 * Unsynced Entities → Entidades no sincronizadas, sync log → registro de sincronización.
 */
import type { CatalogTranslation } from './types';

// Steps repeated across QBD entries, worded once (mirrors the constants in ../qbd.ts).
const QBD_RESYNC =
  'En el servicio de sincronización, abre Entidades no sincronizadas y pulsa "Volver a sincronizar" en este elemento (o espera la próxima ejecución del Web Connector).';
const QBD_FIX_IN_JOB_APP_AND_RESYNC =
  'Guarda la ficha corregida en la app de trabajos y luego pulsa "Volver a sincronizar" en este elemento, en Entidades no sincronizadas.';
const QBD_READ_INNER_MESSAGE =
  'Lee el mensaje de error completo en el registro de sincronización: el texto que sigue a "QuickBooks error message:" es el motivo real que dio QuickBooks.';
const QBD_CLEAR_ID =
  'En Entidades no sincronizadas, pulsa "Borrar ID" en este elemento: se quita el vínculo guardado y la próxima sincronización crea una ficha nueva en QuickBooks.';
const QBD_REPORT_TO_SUPPORT =
  'Si sigue fallando, envía el texto del error que aparece en el registro de sincronización al equipo de soporte del servicio de sincronización.';

export const QBD_ES: CatalogTranslation = {
  '0': {
    title: 'Procesado correctamente',
    meaning: 'QuickBooks Desktop aceptó la solicitud. No es un error.',
    likelyCause: 'Se envió una ficha y se guardó con normalidad; el código solo aparece porque cada respuesta lleva un estado.',
    steps: [
      'No hay nada que corregir en QuickBooks Desktop.',
      'Si el elemento sigue apareciendo como fallido en el registro de sincronización, pulsa "Volver a sincronizar" una vez para que el registro recoja el resultado correcto.',
    ],
  },
  '1': {
    title: 'La búsqueda no encontró nada',
    meaning:
      'El servicio de sincronización buscó algo en QuickBooks Desktop y no encontró ninguna coincidencia. QuickBooks lo trata como un aviso informativo, no como un fallo.',
    likelyCause:
      'El servicio de sincronización comprobó si un cliente, un trabajo o un artículo de servicio ya existía antes de crearlo, y todavía no existía.',
    steps: [
      'Por lo general no hace falta nada: el servicio de sincronización crea la ficha que falta en su siguiente paso.',
      'Si el elemento sigue sin sincronizar, revisa en QuickBooks Desktop ("Customers > Customer Center" o "Lists > Item List") si la ficha se renombró o se eliminó.',
      QBD_RESYNC,
    ],
  },
  '500': {
    title: 'No se encontraron algunas fichas solicitadas',
    meaning:
      'Una búsqueda funcionó solo en parte: QuickBooks Desktop devolvió lo que pudo, pero una de las fichas mencionadas no existe allí.',
    likelyCause:
      'Un cliente, un miembro de la cuadrilla o un artículo de servicio al que hace referencia el trabajo se renombró o se eliminó en QuickBooks Desktop.',
    steps: [
      'Lee el mensaje en el registro de sincronización para ver qué nombre no encontró QuickBooks.',
      'En QuickBooks Desktop, busca ese nombre en la lista que corresponda ("Customers > Customer Center", "Lists > Item List", "Employees > Employee Center"), con las entradas inactivas visibles.',
      'Restaura ese nombre en QuickBooks Desktop o cambia la ficha en la app de trabajos para que use un nombre que sí exista.',
      QBD_RESYNC,
    ],
  },
  '501': {
    title: 'Ficha que esta versión de qbXML no puede describir',
    meaning:
      'QuickBooks Desktop tiene una ficha que la versión de qbXML que usa el servicio de sincronización no puede representar, así que la dejó fuera.',
    likelyCause: 'El archivo de empresa usa una función de QuickBooks más nueva que la que conoce el conector de sincronización.',
    steps: [
      'Anota qué tipo de ficha menciona el registro de sincronización.',
      'Pregunta al equipo de soporte del servicio de sincronización si hay una actualización del conector para tu versión de QuickBooks Desktop.',
      QBD_REPORT_TO_SUPPORT,
    ],
  },
  '510': {
    title: 'No se pudo devolver la ficha',
    meaning: 'QuickBooks Desktop encontró la ficha, pero no pudo entregársela al servicio de sincronización.',
    likelyCause: 'Una falla momentánea de QuickBooks o un daño menor en el archivo de empresa alrededor de esa ficha.',
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
      'Lee el registro de sincronización para ver qué campo nombró QuickBooks.',
      'Si es un campo de datos personales, pide al administrador de QuickBooks que permita el acceso a datos personales para esta integración en "Edit > Preferences > Integrated Applications > Company Preferences > Properties".',
      'Si no, deja vacío ese campo en la ficha de la app de trabajos, o pide a soporte que deje de enviarlo para tu edición.',
      QBD_RESYNC,
    ],
  },
  '531': {
    title: 'Opción que este QuickBooks no admite',
    meaning: 'Un campo recibió un valor de una lista fija que tu edición de QuickBooks Desktop no ofrece.',
    likelyCause:
      'Un ajuste como un método de pago, un método de envío o una opción de impuestos que solo existe en otra edición o región.',
    steps: [
      'Lee el registro de sincronización para ver qué campo y qué valor nombró QuickBooks.',
      'Elige en la ficha de la app de trabajos (o en la asignación de la configuración de sincronización) un valor que tu QuickBooks Desktop sí ofrezca.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '550': {
    title: 'Se guardó, pero sin las notas',
    meaning: 'QuickBooks Desktop guardó la ficha, pero no pudo almacenar las notas que la acompañaban.',
    likelyCause: 'Notas largas del trabajo o de la visita copiadas desde la app de trabajos, o un problema temporal al escribirlas.',
    steps: [
      'Abre la ficha en QuickBooks Desktop y comprueba que llegó todo menos las notas.',
      'Si las notas importan para la contabilidad, cópialas a mano desde la app de trabajos a la ficha en QuickBooks Desktop.',
      'No hace falta "Volver a sincronizar" la ficha en sí: ya existe en QuickBooks.',
    ],
  },
  '560': {
    title: 'Se usó un campo obsoleto',
    meaning:
      'La solicitud funcionó, pero usó un campo que QuickBooks piensa retirar. Es un aviso para el servicio de sincronización, no para ti.',
    likelyCause: 'El conector de sincronización todavía envía un nombre de campo antiguo.',
    steps: [
      'No tienes que hacer nada en QuickBooks Desktop; la ficha se guardó.',
      'Coméntaselo al equipo de soporte del servicio de sincronización para que actualicen el conector antes de que el campo desaparezca.',
    ],
  },
  '570': {
    title: 'No se puede vincular a una transacción cerrada',
    meaning: 'La ficha pedía vincularse a otra transacción, pero esa transacción ya está cerrada en QuickBooks Desktop.',
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
      'QuickBooks Desktop tuvo un problema propio al procesar la solicitud; no significa necesariamente que tu ficha tuviera algo mal.',
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
      'Un QuickBooks de un año anterior, o una edición sin esa función (por ejemplo, órdenes de venta o presupuestos), que recibe un tipo de ficha que no puede guardar.',
    steps: [
      'Revisa el año y la edición de tu QuickBooks Desktop en "Help > About QuickBooks".',
      'Instala la versión más reciente con "Help > Update QuickBooks Desktop".',
      'Si tu edición no puede guardar este tipo de ficha, desactiva la sincronización de ese tipo en la configuración de sincronización.',
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
  '3000': {
    title: 'El ID de QuickBooks guardado no es válido',
    meaning: 'El ID de QuickBooks guardado para esta ficha no es uno que QuickBooks Desktop acepte para ese campo.',
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
      'Un campo tipo casilla en la ficha de la app de trabajos (por ejemplo, gravable o facturable) con un valor inesperado.',
    steps: [
      'Abre la ficha en la app de trabajos y vuelve a guardar sus casillas (gravable, facturable, activo).',
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
      'Abre la ficha en la app de trabajos y revisa todas sus fechas (fecha del servicio, fecha de factura, fecha de vencimiento).',
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
      'Abre la ficha en la app de trabajos e intercambia o corrige las fechas de inicio y de fin.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3031': {
    title: 'Rango de texto no válido',
    meaning: 'Un par de valores de texto "desde" y "hasta" (como un rango de nombres o de números) no era válido.',
    likelyCause: 'Una búsqueda por un rango de números de factura o de nombres en la que el rango está vacío o invertido.',
    steps: ['Lo más probable es que tus fichas no tengan nada mal.', QBD_RESYNC, QBD_REPORT_TO_SUPPORT],
  },
  '3035': {
    title: 'Duración no reconocida',
    meaning: 'Una duración (horas y minutos) de la solicitud no tenía un formato que QuickBooks Desktop acepte.',
    likelyCause: 'Un registro de horas de la cuadrilla en la app de trabajos con un número de horas negativo, vacío o imposible.',
    steps: [
      'Abre el registro de horas de la cuadrilla en la app de trabajos y revisa la hora de inicio, la de fin y el total de horas.',
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
      'Lee el registro de sincronización para ver qué campo nombró QuickBooks.',
      'Abre la ficha en la app de trabajos y corrige ese importe (dos decimales para dinero, un número simple para cantidades).',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3070': {
    title: 'Texto demasiado largo para QuickBooks',
    meaning: 'Un texto es más largo de lo que QuickBooks Desktop permite en ese campo.',
    likelyCause:
      'Un nombre largo de cliente o de trabajo, una línea de dirección o la descripción de una línea en la app de trabajos; QuickBooks Desktop mantiene cortos los nombres y las líneas de dirección (unos 41 caracteres).',
    steps: [
      'Lee el registro de sincronización para ver qué campo y qué texto nombró QuickBooks.',
      'Acorta ese texto en la ficha de la app de trabajos (si hace falta, pasa el detalle extra a las notas).',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3100': {
    title: 'El nombre ya está en uso',
    meaning: 'QuickBooks Desktop ya tiene una ficha con este mismo nombre, así que no creará una segunda.',
    likelyCause:
      'El cliente, el trabajo, el miembro de la cuadrilla o el artículo de servicio se ingresó a mano en QuickBooks Desktop antes de la sincronización, o una ficha inactiva (o un proveedor o empleado) ya usa el mismo nombre.',
    steps: [
      'En QuickBooks Desktop, busca el nombre en las listas con las entradas inactivas visibles ("Customers > Customer Center", "Vendors > Vendor Center", "Employees > Employee Center", "Lists > Item List").',
      'Si es el mismo cliente o artículo, vincúlalos: pide a soporte que asocie la ficha de la app de trabajos con esa ficha de QuickBooks, o elimina el duplicado hecho a mano si no tiene transacciones.',
      'Si es otra persona o empresa con el mismo nombre, cambia el nombre de una de ellas en la app de trabajos (por ejemplo, agrega la ciudad o "(proveedor)").',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3120': {
    title: 'No se encontró la ficha vinculada de QuickBooks',
    meaning: 'El servicio de sincronización todavía apunta a una ficha de QuickBooks Desktop que ya no existe con ese ID.',
    likelyCause:
      'Alguien eliminó, combinó o volvió a crear el cliente, el trabajo, el artículo o la factura en QuickBooks Desktop después de sincronizarlo, o el Web Connector abrió otro archivo de empresa.',
    steps: [
      'Asegúrate de que el Web Connector esté trabajando con el archivo de empresa correcto.',
      'En QuickBooks Desktop, busca la ficha (con las entradas inactivas visibles); si existe una de reemplazo, decide si la conservas o la eliminas para no terminar con dos.',
      QBD_CLEAR_ID,
      QBD_RESYNC,
    ],
  },
  '3140': {
    title: 'Hace referencia a una ficha que QuickBooks no puede usar',
    meaning:
      'La ficha apunta a otra (cliente, artículo, cuenta, clase, miembro de la cuadrilla) que QuickBooks Desktop no encuentra o no puede usar.',
    likelyCause:
      'Una factura para un cliente o artículo de servicio que todavía no se sincronizó, que se marcó como inactivo o que se eliminó en QuickBooks Desktop; o una cuenta de ingresos asignada en la configuración de sincronización que ya no existe.',
    steps: [
      'Lee el registro de sincronización: indica el tipo de ficha y el nombre que QuickBooks no pudo usar.',
      'En QuickBooks Desktop, busca esa ficha con las entradas inactivas visibles; si está inactiva, haz clic derecho sobre ella y elige "Make Active".',
      'Si no existe, sincroniza primero el cliente o el artículo (búscalo en Entidades no sincronizadas), o cambia la asignación en la configuración de sincronización a una cuenta o artículo que exista.',
      QBD_RESYNC,
    ],
  },
  '3150': {
    title: 'Falta información obligatoria',
    meaning: 'No se envió un campo que QuickBooks Desktop necesita para este tipo de ficha.',
    likelyCause:
      'Un valor obligatorio vacío en la ficha de la app de trabajos, como el nombre del cliente, el artículo de una línea de factura o una cuenta en la configuración de sincronización.',
    steps: [
      'Lee el registro de sincronización para ver qué elemento dice QuickBooks que falta.',
      'Completa el campo correspondiente en la app de trabajos o en la configuración de sincronización.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3170': {
    title: 'QuickBooks rechazó el cambio en una ficha de lista',
    meaning:
      'QuickBooks Desktop no aplicó una actualización a una ficha de lista (cliente, trabajo, artículo, proveedor) y dio su propio motivo.',
    likelyCause:
      'La ficha se renombró en QuickBooks Desktop y la actualización la combinaría con otra, o el cambio rompe una regla de QuickBooks (por ejemplo, cambiar el tipo de un artículo).',
    steps: [
      QBD_READ_INNER_MESSAGE,
      'Si menciona una combinación ("merge"), compara el nombre en QuickBooks Desktop con el de la app de trabajos y haz que coincidan (deshaz el cambio de nombre manual en uno de los dos lados).',
      'Si no, corrige la ficha en la app de trabajos para que cumpla la regla que indicó QuickBooks.',
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
    title: 'Otra persona tiene bloqueada la ficha',
    meaning:
      'QuickBooks Desktop no pudo bloquear la ficha para modificarla porque otro usuario u otro programa está trabajando en ella.',
    likelyCause:
      'Alguien de la oficina tenía abierto este cliente, factura o pago en QuickBooks Desktop mientras se ejecutaba el Web Connector.',
    steps: [
      'Pide a todos los que usan QuickBooks Desktop que guarden y cierren la ventana de esta ficha.',
      QBD_RESYNC,
      'Si pasa a menudo, programa el Web Connector para una hora en la que nadie esté editando en QuickBooks.',
    ],
  },
  '3176': {
    title: 'La ficha está en uso',
    meaning: 'QuickBooks Desktop indicó que otro usuario o proceso está usando la ficha, así que no se hizo el cambio.',
    likelyCause:
      'Una ventana de factura o de cliente abierta en otra computadora con QuickBooks, u otra integración actualizando la misma ficha al mismo tiempo.',
    steps: [
      'Pide a los demás usuarios de QuickBooks Desktop que cierren por ahora la ficha (y cualquier formulario abierto).',
      QBD_RESYNC,
      'Si nunca se libera, haz que todos cierren sesión en el archivo de empresa y luego ejecuta la sincronización.',
    ],
  },
  '3180': {
    title: 'QuickBooks no pudo guardar la ficha',
    meaning: 'QuickBooks Desktop se negó a guardar la ficha y explicó el motivo en su propio mensaje.',
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
      'Lee el registro de sincronización para ver qué campo se negó a vaciar QuickBooks.',
      'Completa ese campo en la app de trabajos o en la asignación de la configuración de sincronización.',
      QBD_FIX_IN_JOB_APP_AND_RESYNC,
    ],
  },
  '3200': {
    title: 'La ficha cambió en QuickBooks después de leerse',
    meaning:
      'Alguien guardó esta ficha en QuickBooks Desktop después de que el servicio de sincronización la leyera por última vez, así que QuickBooks rechazó la copia anterior.',
    likelyCause:
      'El cliente o la factura se editó en QuickBooks Desktop (o en otra app) entre el momento en que el servicio de sincronización la leyó y el envío de su actualización.',
    steps: [
      'Revisa en QuickBooks Desktop qué se cambió, para que no se pierda la edición de nadie.',
      QBD_RESYNC,
      'El servicio de sincronización lee la copia más reciente antes de volver a enviar; si los dos lados no coinciden, corrige la app de trabajos y pulsa "Volver a sincronizar".',
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
    title: 'Omitida por un error anterior',
    meaning: 'QuickBooks Desktop ni siquiera intentó esta solicitud, porque falló una solicitud anterior del mismo lote.',
    likelyCause:
      'Otro elemento sincronizado en la misma ejecución del Web Connector falló primero (por ejemplo, un cliente que no se pudo crear) y se detuvo el resto del lote.',
    steps: [
      'Busca en el registro de sincronización el primer elemento fallido de esa misma ejecución y corrige ese.',
      QBD_RESYNC,
    ],
  },
  '3240': {
    title: 'El vínculo con la ficha de QuickBooks está roto',
    meaning:
      'La ficha de QuickBooks Desktop vinculada a este elemento se movió, cambió hasta no reconocerse o se eliminó, así que el vínculo guardado ya no funciona.',
    likelyCause:
      'El cliente, el trabajo o el artículo se eliminó, se combinó o se volvió a crear en QuickBooks Desktop después de la primera sincronización.',
    steps: [
      'En QuickBooks Desktop, busca alguna copia suelta de la ficha; elimina o marca como inactiva cualquier copia que no quieras, para que la nueva no quede duplicada.',
      QBD_CLEAR_ID,
      QBD_RESYNC,
    ],
  },
  '3250': {
    title: 'Función desactivada o no incluida en esta edición',
    meaning:
      'La ficha necesita una función de QuickBooks Desktop que está desactivada en este archivo de empresa o que no forma parte de tu edición.',
    likelyCause:
      'Se están sincronizando presupuestos, órdenes de venta, clases, varias monedas o inventario mientras esa preferencia está desactivada en QuickBooks Desktop.',
    steps: [
      'Lee el registro de sincronización para ver qué tipo de ficha falló.',
      'Activa la función en "Edit > Preferences" (por ejemplo, "Sales & Customers", "Accounting" o "Items & Inventory" > "Company Preferences"), si tu edición la tiene.',
      'Si tu edición no la tiene, desactiva la sincronización de ese tipo de ficha en la configuración de sincronización.',
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
      'Cierra QuickBooks (o cierra la sesión del usuario restringido) para que el Web Connector use ese inicio de sesión, y luego pulsa "Volver a sincronizar".',
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
    meaning: 'QuickBooks Desktop espera las partes de la ficha en un orden fijo y encontró una fuera de lugar.',
    likelyCause: 'Una falla en cómo el conector de sincronización armó la solicitud; normalmente tus datos están bien.',
    steps: ['Lo más probable es que no haya nada mal en QuickBooks Desktop ni en la app de trabajos.', QBD_REPORT_TO_SUPPORT],
  },
};
