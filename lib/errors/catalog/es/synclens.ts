/**
 * Spanish texts for the sync service's own codes (lib/errors/catalog/synclens.ts), keyed by the same
 * codes, with the same steps in the same order. Neutral Latin-American Spanish, "tú", with the
 * product words the other tables use.
 */
import type { CatalogTranslation } from './types';

const RESYNC = 'En SyncLens, abre «Registros sin sincronizar» y pulsa «Volver a sincronizar» en este elemento.';
const RESYNC_LATER = 'Espera unos minutos y luego pulsa «Volver a sincronizar» en el elemento, en «Registros sin sincronizar».';
const PROVIDER_REPORT =
  'Si vuelve a pasar, envía el código, el mensaje completo, el registro y la hora a tu proveedor del servicio de sincronización.';

export const SYNCLENS_ES: CatalogTranslation = {
  'SL-NO-RECORD-DATA': {
    title: 'Los datos del registro nunca llegaron al servicio de sincronización',
    meaning:
      'El servicio de sincronización tiene una aprobación para este registro, pero no el registro mismo (sus campos, líneas e importes), así que no tenía nada que escribir en QuickBooks. No se contactó a QuickBooks.',
    likelyCause:
      'La app de trabajos registró el cambio y se aprobó, pero nunca entregó los datos del registro al servicio de sincronización; por ejemplo, porque su envío falló o no está configurado para este tipo de registro.',
    steps: [
      'Abre el registro en la app de trabajos y guárdalo otra vez, para que la app de trabajos envíe sus datos al servicio de sincronización.',
      'Si eso no basta, pide a quien administra la conexión de la app de trabajos que envíe el registro por la API de ingreso del servicio de sincronización.',
      RESYNC,
    ],
  },
  'SL-UNLINKED-REFERENCE': {
    title: 'Usa un registro que todavía no está en QuickBooks',
    meaning:
      'Este registro hace referencia a otro (un cliente, un artículo, un proveedor o una factura) que el servicio de sincronización todavía no ha pasado a QuickBooks, así que QuickBooks no tendría a qué vincularlo. No se envió.',
    likelyCause:
      'El registro del que depende todavía espera aprobación, falló al sincronizarse o nunca se envió; por ejemplo, una factura de un cliente nuevo cuya ficha de cliente aún no se sincronizó.',
    steps: [
      'Lee la línea «Detalle»: nombra cada registro que este necesita.',
      'Aprueba esos registros en SyncLens; si alguno está en «Registros sin sincronizar», corrígelo primero.',
      'Espera hasta que aparezcan como sincronizados.',
      RESYNC,
    ],
  },
  'SL-UNSUPPORTED-TYPE': {
    title: 'Tipo de registro que el servicio de sincronización no pasa',
    meaning:
      'El servicio de sincronización solo pasa clientes, proveedores, artículos, facturas, presupuestos, pagos, órdenes de compra y facturas de proveedor. Esta entrada es de otro tipo de registro, o es una importación que no nombra ningún registro de QuickBooks, así que no se envió.',
    likelyCause:
      'La app de trabajos puso en cola un tipo de registro que el servicio de sincronización no maneja (como una entrada de horas o un gasto), o una importación llegó al servicio de sincronización sin el registro de QuickBooks que debía leer.',
    steps: [
      'Revisa el tipo de registro que aparece con el elemento: pulsar «Volver a sincronizar» no cambiará el resultado.',
      'Si el registro hace falta en QuickBooks, ingrésalo allí a mano.',
      'Quita el elemento de «Registros sin sincronizar» cuando esté resuelto.',
      'Si crees que este tipo de registro debería sincronizarse, díselo a tu proveedor del servicio de sincronización.',
    ],
  },
  'SL-OUTCOME-UNKNOWN': {
    title: 'No se sabe si QuickBooks Desktop guardó el registro',
    meaning:
      'El servicio de sincronización envió este registro a QuickBooks Desktop, pero la sesión del Web Connector terminó antes de que QuickBooks respondiera, así que nadie sabe si se guardó. El registro no tiene número para buscarlo en QuickBooks, por lo que el servicio de sincronización no puede comprobarlo por su cuenta.',
    likelyCause:
      'La sesión del Web Connector se cortó (QuickBooks se cerró, la computadora se suspendió o reinició, o se cayó la red) mientras se agregaba una transacción sin número de documento ni de referencia.',
    steps: [
      'En QuickBooks Desktop, busca el registro por su cliente o proveedor, su fecha y su importe.',
      'Si no está, pulsa «Volver a sincronizar»: el servicio de sincronización lo envía de nuevo.',
      'Si ya está, no pulses «Volver a sincronizar»: se agregaría una segunda vez.',
      'En su lugar, pon al registro en la app de trabajos el mismo número que tiene en QuickBooks Desktop y guárdalo; luego pulsa «Volver a sincronizar», y el servicio de sincronización lo encuentra por ese número y lo vincula en vez de agregarlo de nuevo.',
    ],
  },
  'bad-reply': {
    title: 'No se pudo leer la respuesta de QuickBooks Online',
    meaning:
      'QuickBooks Online respondió al servicio de sincronización, pero la respuesta no traía los datos esperados (no se podía leer, o le faltaba el registro pedido), así que el servicio no pudo saber qué pasó.',
    likelyCause:
      'Un problema pasajero en Intuit, o un equipo de red entre el servicio de sincronización e Intuit que reemplazó la respuesta por una página propia.',
    steps: [
      RESYNC_LATER,
      'Antes de volver a sincronizar una factura o un pago, puedes buscarlo en QuickBooks Online: el servicio de sincronización busca una copia hecha por el intento anterior, pero comprobarlo cuesta poco.',
      PROVIDER_REPORT,
    ],
  },
  'reply-too-large': {
    title: 'Respuesta de QuickBooks Online demasiado grande para leerla',
    meaning:
      'QuickBooks Online devolvió más datos de los que el servicio de sincronización acepta en una respuesta, así que el servicio dejó de leerla. Con esta respuesta no se sabe si el cambio llegó a QuickBooks.',
    likelyCause:
      'Un registro muy grande (como una factura con cientos de líneas) o una respuesta de Intuit fuera de lo común, por encima del límite de tamaño fijado en el servicio de sincronización.',
    steps: [
      'Busca el registro en QuickBooks Online para ver si el cambio se guardó.',
      'Envía el código, el mensaje completo, el registro y la hora a tu proveedor del servicio de sincronización: hay que cambiar su límite de tamaño o la solicitud.',
      'Cuando confirme la corrección, pulsa «Volver a sincronizar» en el elemento, en «Registros sin sincronizar».',
    ],
  },
  'batch-item-missing': {
    title: 'Sin respuesta para este registro en un envío en grupo',
    meaning:
      'El servicio de sincronización envió varios registros juntos a QuickBooks Online, y la respuesta cubrió los demás pero no dijo nada de este.',
    likelyCause: 'Un problema pasajero en Intuit al procesar un grupo de registros. Nada en el registro lo causó.',
    steps: [
      'No hay nada que corregir en tus datos: el servicio de sincronización vuelve a enviar el registro por su cuenta.',
      'Si más tarde el elemento sigue con error, pulsa «Volver a sincronizar» en él, en «Registros sin sincronizar».',
    ],
  },
};
