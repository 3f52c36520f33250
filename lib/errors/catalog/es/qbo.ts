/**
 * Spanish texts for the QuickBooks Online entries of lib/errors/catalog/qbo.ts, keyed by the same
 * codes and with the same steps in the same order. Neutral Latin-American Spanish, "tú", for the
 * bookkeeper of a landscaping / tree-care / lawn-care business. QuickBooks menus are given in
 * Spanish with the English name in parentheses, because many US offices run QuickBooks in English.
 */
import type { CatalogTranslation, EntryText } from './types';

// QuickBooks Online menu paths, written once so every entry names them the same way.
const MENU_CUSTOMERS = '«Ventas > Clientes» (Sales > Customers)';
const MENU_PRODUCTS = '«Ventas > Productos y servicios» (Sales > Products and services)';
const MENU_VENDORS = '«Gastos > Proveedores» (Expenses > Vendors)';
const MENU_EMPLOYEES = '«Nómina > Empleados» (Payroll > Employees)';
const MENU_ACCOUNTS = '«Contabilidad > Plan de cuentas» (Accounting > Chart of accounts)';
const MENU_MY_APPS = '«Aplicaciones > Mis aplicaciones» (Apps > My apps)';
const MENU_SETTINGS = 'menú del engranaje > «Cuenta y configuración» (Account and settings)';
const MENU_BILLING = `${MENU_SETTINGS} > «Facturación y suscripción» (Billing & subscription)`;
const MENU_CLOSING = `${MENU_SETTINGS} > «Avanzado > Contabilidad» (Advanced > Accounting)`;

// Steps that recur across many entries, same wording as the English constants they mirror.
const RESYNC = 'En SyncLens, abre «Registros sin sincronizar» y pulsa «Volver a sincronizar» en este elemento.';
const RESYNC_LATER = 'Espera unos minutos y luego pulsa «Volver a sincronizar» en el elemento, en «Registros sin sincronizar».';
const RECONNECT =
  'Pide a un administrador de QuickBooks Online que abra la configuración del servicio de sincronización y vuelva a conectar QuickBooks (iniciar sesión y aprobar el acceso otra vez).';
const PROVIDER =
  'Si sigue fallando, envía el código de error, el mensaje completo y la hora a tu proveedor del servicio de sincronización: hay que cambiar la solicitud misma.';
const READ_DETAIL =
  'Abre el elemento con error en SyncLens y lee la línea «Detalle»: indica el campo o la regla que no se cumplió.';
const CLEAR_ITEM = 'Quita el elemento de «Registros sin sincronizar».';
const INTUIT_STATUS = 'Comprueba si QuickBooks Online abre en tu navegador; si no abre, la falla es del lado de Intuit.';
const RETRY_ITSELF =
  'No hay nada que corregir en tus datos: el servicio de sincronización vuelve a enviar la solicitud por su cuenta.';
const PROVIDER_PERSISTS =
  'Si sigue fallando después de una hora, envía el código de error, el mensaje completo y la hora a tu proveedor del servicio de sincronización.';
const NETWORK_PROVIDER =
  'Si sigue pasando durante horas, avísale a tu proveedor del servicio de sincronización: su servidor tiene problemas para comunicarse con Intuit.';
const PROVIDER_SETUP =
  'Repórtalo a tu proveedor del servicio de sincronización con la hora en que pasó: la corrección está en la configuración de su app en Intuit, no en tus datos.';
const CHECK_BEFORE_RESYNC =
  'Puede que QuickBooks haya terminado el trabajo después de que se agotó la espera: si es una factura o un pago, búscalo en QuickBooks Online antes de volver a sincronizar, para no terminar con dos.';

/** Mirrors developerSide() in the English catalog: only the sync service's developers can fix it. */
function developerSide(title: string, meaning: string): EntryText {
  return {
    title,
    meaning,
    likelyCause:
      'El servicio de sincronización armó la solicitud de una forma que QuickBooks Online no acepta. No la causó nada de tus trabajos, clientes ni facturas.',
    steps: [
      'Anota el código de error, el mensaje y el elemento que falló (aparecen en SyncLens).',
      'Repórtalo a tu proveedor del servicio de sincronización; ellos deben corregir cómo se arma la solicitud.',
      'Cuando confirmen la corrección, pulsa «Volver a sincronizar» en el elemento, en «Registros sin sincronizar».',
    ],
  };
}

/** Mirrors badValue() in the English catalog: fix one value in the job app. */
function badValue(title: string, meaning: string, likelyCause: string, where: string): EntryText {
  return {
    title,
    meaning,
    likelyCause,
    steps: [
      READ_DETAIL,
      `Corrige el valor en la app de trabajos: ${where}.`,
      'Guarda el registro para que el servicio de sincronización tome el cambio.',
      RESYNC,
    ],
  };
}

/** Mirrors oldConnection() in the English catalog: Intuit's retired (OAuth 1.0) connection API. */
function oldConnection(title: string, meaning: string): EntryText {
  return {
    title,
    meaning,
    likelyCause:
      'El servicio de sincronización todavía se conecta a QuickBooks a la manera antigua que Intuit ya retiró, o su conexión guardada de ese tipo ya no es válida.',
    steps: [
      RECONNECT,
      'Si el mismo código vuelve a aparecer después de reconectar, pide a tu proveedor del servicio de sincronización que pase la conexión al inicio de sesión actual de QuickBooks (OAuth 2.0).',
      RESYNC,
    ],
  };
}

/** Mirrors appSetup() in the English catalog: the sync service's own setup at Intuit was refused. */
function appSetup(title: string, meaning: string, likelyCause: string): EntryText {
  return {
    title,
    meaning,
    likelyCause,
    steps: [
      PROVIDER_SETUP,
      'Cuando el proveedor confirme la corrección, pide a un administrador de QuickBooks Online que vuelva a conectar QuickBooks en la configuración del servicio de sincronización.',
      RESYNC,
    ],
  };
}

/** Mirrors network() in the English catalog: the network between the sync service and Intuit failed. */
function network(title: string, meaning: string, likelyCause: string): EntryText {
  return { title, meaning, likelyCause, steps: [RETRY_ITSELF, RESYNC_LATER, NETWORK_PROVIDER] };
}

export const QBO_ES: CatalogTranslation = {
  // ------------------------------------------------------------ 1xx: inicio de sesión y acceso
  '100': {
    title: 'Falló el inicio de sesión en QuickBooks',
    meaning:
      'QuickBooks Online no pudo confirmar la identidad del servicio de sincronización. La línea «Detalle» da el motivo concreto.',
    likelyCause:
      'La conexión guardada con QuickBooks venció o fue revocada, a menudo después de un cambio de contraseña o de una pausa larga en la sincronización durante la temporada baja.',
    steps: ['Revisa en la línea «Detalle» el motivo (por ejemplo, un token vencido).', RECONNECT, RESYNC],
  },
  '110': {
    title: 'Token de conexión con QuickBooks rechazado',
    meaning: 'El token de inicio de sesión que el servicio de sincronización guarda para tu empresa ya no se acepta.',
    likelyCause: 'El token venció y no se pudo renovar automáticamente, o alguien desconectó la app en QuickBooks.',
    steps: [RECONNECT, 'En SyncLens, comprueba que el estado del conector vuelva a mostrar OK.', RESYNC],
  },
  '120': {
    title: 'El usuario conectado perdió el acceso',
    meaning:
      'El usuario de QuickBooks Online que conectó originalmente el servicio de sincronización ya no tiene permiso para usar esta empresa.',
    likelyCause:
      'La persona que configuró la conexión (a menudo un exgerente de oficina o el contador externo) fue eliminada de QuickBooks o perdió sus permisos de administrador.',
    steps: [
      'En QuickBooks Online, abre el menú del engranaje > «Administrar usuarios» (Manage users) y confirma quién sigue siendo administrador.',
      'Pide a un administrador actual que vuelva a conectar QuickBooks desde la configuración del servicio de sincronización.',
      'Asegúrate de que la nueva conexión la haga un usuario que vaya a seguir en la empresa.',
      RESYNC,
    ],
  },
  '130': {
    title: 'Solicitud enviada al servidor equivocado de QuickBooks',
    meaning: 'La solicitud llegó a un centro de datos de QuickBooks que no tiene tu empresa.',
    likelyCause:
      'El servicio de sincronización usa una dirección o un ID de empresa desactualizado para tu empresa de QuickBooks Online.',
    steps: [
      'Revisa en la configuración del servicio de sincronización que esté conectada la empresa correcta de QuickBooks.',
      RECONNECT,
      PROVIDER,
    ],
  },
  '140': {
    title: 'Empresa de QuickBooks bloqueada',
    meaning: 'Intuit bloqueó esta empresa de QuickBooks Online, así que no se puede guardar nada en ella.',
    likelyCause: 'Un problema de la cuenta con Intuit, como una retención de seguridad sobre la suscripción.',
    steps: [
      'Inicia sesión en QuickBooks Online desde un navegador y lee cualquier aviso que aparezca al entrar.',
      'Resuelve la retención con Intuit (normalmente debe hacerlo el dueño de la empresa).',
      RESYNC_LATER,
    ],
  },
  '150': {
    title: 'QuickBooks en mantenimiento',
    meaning: 'QuickBooks Online no está disponible temporalmente por mantenimiento.',
    likelyCause: 'Trabajo programado de Intuit. No hay ningún problema con tus datos.',
    steps: ['Espera a que termine el mantenimiento (suele durar menos de una hora).', RESYNC_LATER],
  },

  // ------------------------------------------------------------ API de conexión antigua (OAuth 1.0, retirada)
  '24': oldConnection(
    'Conexión antigua: token de la app no válido',
    'QuickBooks rechazó el token de la app que el servicio de sincronización envió con una solicitud de conexión antigua.',
  ),
  '212': oldConnection(
    'Conexión antigua: renovación fuera de plazo',
    'Una conexión antigua con QuickBooks solo se puede renovar durante un periodo fijo antes de que venza, y esta renovación se intentó fuera de ese periodo.',
  ),
  '270': oldConnection(
    'Conexión antigua: token rechazado',
    'QuickBooks rechazó el token de una conexión antigua: venció o fue revocado.',
  ),

  // ------------------------------------------------------------ 5xx-9xx: problemas de la solicitud
  '500': {
    title: 'Operación no admitida (a menudo por caracteres raros)',
    meaning:
      'QuickBooks Online rechazó la operación. Lo más común es que no pudo leer el texto porque tenía caracteres que no eran UTF-8 válido.',
    likelyCause:
      'El nombre de un cliente, una nota del trabajo o la descripción de una línea se pegó desde un procesador de texto o un mensaje de texto y trae comillas tipográficas, guiones largos o emojis.',
    steps: [
      'Abre el registro en la app de trabajos y revisa los nombres, las direcciones, las notas y las descripciones de las líneas.',
      'Vuelve a escribir el texto pegado y cambia las comillas tipográficas, los guiones largos y los emojis por caracteres simples.',
      'Guarda el registro.',
      RESYNC,
    ],
  },
  '600': {
    title: 'Solicitud ya procesada',
    meaning: 'QuickBooks Online ya atendió una solicitud con el mismo ID de solicitud.',
    likelyCause:
      'El servicio de sincronización repitió una solicitud después de una falla de red; es posible que el primer intento ya haya creado el registro.',
    steps: [
      'En QuickBooks Online, busca el registro (por ejemplo, el número de factura) para ver si ya existe.',
      'Si existe, no hace falta nada más; si no, pulsa «Volver a sincronizar» en el elemento, en «Registros sin sincronizar».',
      PROVIDER,
    ],
  },
  '610': {
    title: 'Registro de QuickBooks no encontrado (eliminado o inactivo)',
    meaning:
      'Un registro al que apunta esta sincronización no está disponible en QuickBooks Online: o se eliminó, o se desactivó un cliente, un producto o servicio o una cuenta que usa.',
    likelyCause:
      'Alguien eliminó la factura o el presupuesto en QuickBooks después de sincronizarlo, o desactivó un cliente, un servicio (por ejemplo, "Tree Removal") o una cuenta que los trabajos todavía usan.',
    steps: [
      'Lee el mensaje: "made inactive" significa que un registro se desactivó; "deleted" significa que el registro ya no existe.',
      `Si está inactivo: en QuickBooks Online abre la lista (${MENU_CUSTOMERS} o ${MENU_PRODUCTS}), elige incluir los registros inactivos y vuelve a activar el registro. Luego pulsa «Volver a sincronizar».`,
      'Si se eliminó: en SyncLens pulsa «Borrar ID» en el elemento para que la próxima sincronización cree un registro NUEVO en QuickBooks.',
      'Antes de volver a sincronizar un elemento con el ID borrado, busca en QuickBooks alguna copia suelta del registro y elimínala, para no terminar con dos.',
      RESYNC,
    ],
  },
  '620': {
    title: 'No se pueden vincular las transacciones',
    meaning: 'QuickBooks Online no quiso vincular dos transacciones, por ejemplo un pago con una factura.',
    likelyCause:
      'El pago y la factura pertenecen a clientes distintos en QuickBooks, a menudo porque el cliente existe dos veces (por ejemplo, una como propietario de la casa y otra como la asociación de vecinos o HOA).',
    steps: [
      'En QuickBooks Online, abre las dos transacciones y compara el cliente de cada una.',
      'En la app de trabajos, asegúrate de que el cliente esté vinculado al mismo cliente de QuickBooks que la factura.',
      'Si el cliente está inactivo en QuickBooks, vuelve a activarlo.',
      RESYNC,
    ],
  },
  '630': {
    title: 'Registro duplicado',
    meaning: 'El registro rompería una regla de QuickBooks Online que exige que un valor sea único.',
    likelyCause: 'Un valor, como un ID de referencia o un número, ya lo usa otro registro.',
    steps: [
      READ_DETAIL,
      'Cambia el valor duplicado en la app de trabajos, o vincula el registro con el que ya existe en QuickBooks.',
      RESYNC,
    ],
  },
  '700': {
    title: 'Registro principal no válido',
    meaning: 'El registro principal indicado para este registro (por ejemplo, un cliente principal) no se puede usar.',
    likelyCause:
      'Una propiedad o un subtrabajo se creó bajo un cliente principal que falta, está inactivo o todavía no se sincronizó con QuickBooks.',
    steps: [
      'En la app de trabajos, revisa bajo qué cliente principal está la propiedad o el subtrabajo.',
      `Asegúrate de que ese cliente principal exista y esté activo en QuickBooks Online (${MENU_CUSTOMERS}).`,
      'Sincroniza primero el cliente principal y luego pulsa «Volver a sincronizar» en este elemento.',
    ],
  },
  '800': {
    title: 'No se puede eliminar el registro',
    meaning: 'QuickBooks Online no eliminará el registro porque otros registros todavía dependen de él.',
    likelyCause:
      'Se eliminó un cliente o un servicio en la app de trabajos, pero QuickBooks todavía tiene facturas o pagos que lo usan.',
    steps: [
      'En QuickBooks Online, abre el registro y revisa sus transacciones.',
      'Desactiva el registro en QuickBooks en lugar de eliminarlo, o elimina primero las transacciones que dependen de él.',
      'En SyncLens, quita el elemento de «Registros sin sincronizar» cuando el registro esté resuelto.',
    ],
  },
  '900': {
    title: 'Registro puesto como su propio principal',
    meaning: 'Un registro no puede ser el principal de sí mismo ni de su propio registro principal.',
    likelyCause:
      'En la app de trabajos, un cliente y una propiedad quedaron anidados en círculo (cada uno puesto como principal del otro).',
    steps: [
      'En la app de trabajos, abre la jerarquía del cliente y corrige el principal para que no forme un círculo.',
      'Guarda el registro.',
      RESYNC,
    ],
  },
  '1000': {
    title: 'La operación falló',
    meaning: 'QuickBooks Online no pudo completar la operación; la línea «Detalle» explica por qué.',
    likelyCause: 'Varía. A menudo, un registro que cambió en QuickBooks mientras corría la sincronización.',
    steps: [READ_DETAIL, RESYNC, PROVIDER],
  },
  '1010': {
    title: 'No se pudo crear',
    meaning: 'QuickBooks Online no creó el registro.',
    likelyCause: 'Algo del nuevo cliente, factura o producto no era aceptable; la línea «Detalle» dice qué.',
    steps: [READ_DETAIL, 'Corrige ese valor en la app de trabajos y guarda.', RESYNC],
  },
  '1020': {
    title: 'No se pudo actualizar',
    meaning: 'QuickBooks Online no guardó el cambio en un registro existente.',
    likelyCause: 'El registro se modificó o se bloqueó en QuickBooks; la línea «Detalle» dice qué salió mal.',
    steps: [
      READ_DETAIL,
      'Abre el registro en QuickBooks Online y comprueba que no esté bloqueado, depositado ni en un período cerrado.',
      RESYNC,
    ],
  },
  '1040': developerSide(
    'Lote demasiado grande',
    'El servicio de sincronización envió en un lote más registros de los que QuickBooks Online permite (30 por lote).',
  ),
  '1050': developerSide(
    'Tipo de contenido no admitido',
    'QuickBooks Online solo acepta solicitudes escritas en JSON o XML.',
  ),

  // ------------------------------------------------------------ 2xxx: validación de campos
  '2000': developerSide(
    'Tipo de registro desconocido',
    'La solicitud indicó un tipo de registro que QuickBooks Online no conoce.',
  ),
  '2010': developerSide(
    'Campo no admitido',
    'La solicitud tenía un campo que QuickBooks Online no acepta para este tipo de registro.',
  ),
  '2020': {
    title: 'Falta un valor obligatorio',
    meaning:
      'Faltó un valor que QuickBooks Online necesita. Dos casos comunes: una transacción sin líneas, o un producto de inventario sin cuenta de activo de inventario.',
    likelyCause:
      'Se creó una factura a partir de un trabajo cuyas visitas todavía no tenían líneas facturables, o un producto como mantillo o fertilizante se controla como inventario sin cuenta de activo.',
    steps: [
      READ_DETAIL,
      'Si menciona Line: agrega al menos una línea facturable a la factura en la app de trabajos (por ejemplo, la visita terminada).',
      `Si menciona una cuenta de activo: en QuickBooks Online abre ${MENU_PRODUCTS}, edita el producto y elige una cuenta de activo de inventario.`,
      RESYNC,
    ],
  },
  '2030': developerSide('ID no válido', 'Un ID de la solicitud no es un número válido de QuickBooks Online.'),
  '2040': badValue(
    'Caracteres no válidos',
    'Un campo de texto tiene caracteres que QuickBooks Online no permite.',
    'El nombre para mostrar de un cliente tiene dos puntos u otro carácter especial, por ejemplo "Smith: Backyard".',
    'quita los dos puntos y los símbolos poco comunes de los nombres',
  ),
  '2050': badValue(
    'Texto demasiado largo o demasiado corto',
    'Un campo de texto es más largo (o más corto) de lo que QuickBooks Online permite; la línea «Detalle» da el límite y la longitud enviada.',
    'Se copió una nota larga del trabajo, una instrucción para la cuadrilla o la descripción de una propiedad en el memo de la factura o en las notas del cliente.',
    'acorta el campo que indica la línea «Detalle» hasta que quepa en el límite',
  ),
  '2060': badValue(
    'Fecha ilegible',
    'Una fecha no se escribió en un formato que QuickBooks Online entienda.',
    'Una fecha de servicio o de vencimiento quedó a medio llenar o se escribió en un formato poco común.',
    'elige la fecha con el selector de fechas',
  ),
  '2070': badValue(
    'Fecha no válida',
    'Un valor de fecha está fuera de lo que QuickBooks Online acepta.',
    'La fecha de una visita o de una factura se escribió mal, por ejemplo con un año muy lejano en el pasado o en el futuro.',
    'corrige la fecha del trabajo, la visita o la factura',
  ),
  '2080': badValue(
    'Número ilegible',
    'Un número no se escribió en un formato que QuickBooks Online pueda leer.',
    'Una cantidad o un precio tiene letras o símbolos, como "2 hrs" o "$45/visita".',
    'escribe solo números en los campos de cantidad y precio',
  ),
  '2090': badValue(
    'Número no aceptado',
    'El número se puede leer, pero su valor no está permitido para ese campo.',
    'Una cantidad o una tarifa de una línea es cero, negativa o demasiado grande (por ejemplo, 10000 horas por un error de tecleo).',
    'corrige la cantidad, la tarifa o el importe de la línea',
  ),
  '2100': badValue(
    'Decimal ilegible',
    'Un valor decimal no está escrito en un formato que QuickBooks Online pueda leer.',
    'Se escribió un precio con coma como separador decimal o con símbolos de más.',
    'escribe el importe con punto como separador decimal',
  ),
  '2110': badValue(
    'Decimal no aceptado',
    'El valor decimal se puede leer, pero no está permitido, a menudo por tener demasiados decimales.',
    'Una tarifa por hora o una cantidad tiene más decimales de los que QuickBooks admite (por ejemplo, 1.33333 horas).',
    'redondea la cantidad o la tarifa a dos decimales',
  ),
  '2120': badValue(
    'Tipo no válido',
    'Un valor de tipo o categoría no corresponde a este registro, por ejemplo un tipo de producto que QuickBooks no acepta aquí.',
    'Un servicio se configuró como producto de inventario (o al revés), o el tipo de un producto cambió en la app de trabajos.',
    'revisa el tipo del servicio o producto',
  ),
  '2130': developerSide(
    'Formato de ID de solicitud no válido',
    'El ID de solicitud que envió el servicio de sincronización no tiene un formato que QuickBooks Online acepte.',
  ),
  '2140': badValue(
    'Importe no aceptado',
    'Un importe del registro no está permitido.',
    'El total de una línea o el importe de un anticipo está fuera de rango o mal redondeado.',
    'corrige el importe de la línea o del pago',
  ),
  '2150': badValue(
    'Porcentaje no aceptado',
    'Un porcentaje, normalmente un descuento o una tasa de impuesto, no está permitido.',
    'Se puso en un presupuesto o una factura un descuento mayor al 100% o menor que cero.',
    'corrige el porcentaje de descuento o de impuesto',
  ),
  '2160': badValue(
    'Cantidad no aceptada',
    'Un valor de cantidad no está permitido.',
    'La cantidad de una línea falta, es negativa o es irrealmente grande (por ejemplo, yardas de mantillo escritas con ceros de más).',
    'corrige la cantidad de la línea',
  ),
  '2170': {
    title: 'Valor fuera de la lista permitida',
    meaning:
      'Un campo recibió un valor que no es una de las opciones que QuickBooks Online permite. Un caso clásico es intentar marcar horas como ya facturadas.',
    likelyCause:
      'Se sincronizaron registros de horas de la cuadrilla con el estado facturable "ya facturado"; QuickBooks pone ese estado por sí mismo cuando las horas se agregan a una factura.',
    steps: [
      READ_DETAIL,
      'Para registros de horas: en la app de trabajos, déjalos como facturables (no facturados) y agrégalos a la factura en QuickBooks, que los marca como facturados.',
      'Para otros campos: elige una opción estándar en la app de trabajos (por ejemplo, una forma de pago o unos términos estándar).',
      RESYNC,
    ],
  },
  '2180': badValue(
    'Rango de texto no válido',
    'Un par de valores de texto desde/hasta no forma un rango válido.',
    'Un filtro o rango en la configuración de sincronización tiene los extremos invertidos.',
    'intercambia o corrige los valores del rango',
  ),
  '2190': badValue(
    'Rango de fechas no válido',
    'Una fecha de inicio cae después de su fecha de fin.',
    'Un contrato de servicio o un calendario recurrente de mantenimiento de césped tiene la fecha de fin antes de la de inicio.',
    'corrige las fechas de inicio y de fin',
  ),
  '2200': badValue(
    'Dirección web no válida',
    'El sitio web del registro no es una dirección web bien formada.',
    'El sitio web de un cliente comercial se escribió con espacios o le faltan partes.',
    'corrige o borra el sitio web del cliente',
  ),
  '2210': {
    title: 'Correo electrónico no válido',
    meaning: 'Una dirección de correo electrónico no sigue el formato estándar.',
    likelyCause:
      'El registro de un cliente tiene un error de tecleo, un espacio al final o dos direcciones escritas en un solo campo (por ejemplo, las de ambos esposos, o la de la junta de la HOA y la de su administrador).',
    steps: [
      'Abre el cliente en la app de trabajos y revisa el campo de correo electrónico.',
      'Deja una sola dirección válida por campo; pon las direcciones adicionales en el campo CC si la app lo tiene.',
      'Guarda el cliente.',
      RESYNC,
    ],
  },
  '2220': badValue(
    'Moneda no válida',
    'La moneda del registro no es válida para esta empresa.',
    'Un cliente tiene una moneda extranjera mientras la multimoneda está desactivada en QuickBooks, o al revés.',
    'pon la moneda del cliente en la moneda local de la empresa, o activa primero la multimoneda en QuickBooks',
  ),
  '2230': developerSide(
    'Valor sí/no no válido',
    'Un campo de sí/no se envió con un valor que no es ni sí ni no.',
  ),
  '2240': badValue(
    'Número fuera de rango',
    'Un número está fuera del rango que QuickBooks Online permite para ese campo.',
    'Los términos de pago, un límite de crédito o una cantidad se escribieron con dígitos de más.',
    'corrige el número en el campo que indica la línea «Detalle»',
  ),
  '2250': {
    title: 'La transacción no tiene líneas',
    meaning: 'Una transacción necesita al menos una línea, y esta no tiene ninguna.',
    likelyCause: 'Se aprobó una factura o un presupuesto antes de agregarle servicios o materiales.',
    steps: [
      'Abre la factura o el presupuesto en la app de trabajos y agrega los servicios realizados.',
      'Guárdalo.',
      RESYNC,
    ],
  },
  '2260': developerSide(
    'Línea de asiento sin débito ni crédito',
    'Cada línea de un asiento contable debe marcarse como débito o como crédito.',
  ),
  '2270': developerSide(
    'Falta la configuración del impuesto',
    'Una línea de impuesto no indicó si el impuesto se aplica a ventas o a compras.',
  ),
  '2280': badValue(
    'Falta el importe del impuesto',
    'Se aplicó un código de impuesto pero no llegó ningún importe de impuesto.',
    'La tasa de impuesto sobre las ventas de una zona de servicio no está configurada en la app de trabajos.',
    'configura la tasa de impuesto de la zona de servicio del cliente, o marca la línea como no sujeta a impuestos',
  ),
  '2290': {
    title: 'Importe de línea negativo',
    meaning: 'QuickBooks Online no acepta importes negativos en las líneas de una transacción.',
    likelyCause:
      'Se registró un descuento o un reembolso por una visita de corte de césped que no se hizo como una línea negativa en la factura.',
    steps: [
      'En la app de trabajos, reemplaza la línea negativa por un descuento en la factura.',
      'Si hay que devolverle dinero al cliente, usa una nota de crédito en lugar de una línea negativa.',
      RESYNC,
    ],
  },
  '2300': {
    title: 'El asiento contable no cuadra',
    meaning: 'Los débitos y los créditos de un asiento contable no son iguales.',
    likelyCause:
      'Se registró un ajuste manual (por ejemplo, mover la nómina de la cuadrilla entre trabajos) con totales que no coinciden.',
    steps: [
      'Abre el asiento contable en la app de trabajos y haz que los débitos sean iguales a los créditos.',
      'Guárdalo.',
      RESYNC,
    ],
  },
  '2500': {
    title: 'Registro vinculado no válido',
    meaning:
      'Un cliente, producto, cuenta u otro registro al que apunta este registro falta o está inactivo en QuickBooks Online. La línea «Detalle» indica el campo, por ejemplo el producto de una línea.',
    likelyCause:
      'Un servicio como "Stump Grinding" o una cuenta de ingresos se desactivó o se eliminó en QuickBooks, pero la app de trabajos todavía lo tiene asignado.',
    steps: [
      READ_DETAIL,
      `En QuickBooks Online busca ese registro (${MENU_PRODUCTS} o ${MENU_ACCOUNTS}) e incluye los registros inactivos en la lista.`,
      'Vuelve a activarlo, o en la app de trabajos asigna el servicio a un producto o una cuenta activos de QuickBooks.',
      RESYNC,
    ],
  },
  '2600': developerSide(
    'Campos en conflicto',
    'La solicitud tenía dos campos que no se pueden usar juntos.',
  ),
  // ------------------------------------------------------------ 3xxx: campos personalizados, límites, autorización
  '3000': {
    title: 'Campo personalizado no válido',
    meaning: 'Un campo personalizado enviado con el registro no es válido para él en QuickBooks Online.',
    likelyCause:
      'Un campo personalizado (por ejemplo "Cuadrilla" o "ID de propiedad") se renombró o se eliminó en la configuración de QuickBooks Online.',
    steps: [
      'En QuickBooks Online, abre el menú del engranaje > «Campos personalizados» (Custom fields) y comprueba que el campo todavía exista.',
      'Actualiza la asignación de campos personalizados en la configuración del servicio de sincronización para que coincida.',
      RESYNC,
    ],
  },
  '3001': {
    title: 'Demasiadas solicitudes (límite de velocidad)',
    meaning:
      'QuickBooks Online limita qué tan rápido una app puede enviar solicitudes por empresa, y se alcanzó ese límite.',
    likelyCause:
      'Se envió de golpe un lote grande, como un mes de visitas recurrentes de mantenimiento de césped facturadas a la vez.',
    steps: [
      'No hay nada que corregir en tus datos; el servicio de sincronización baja la velocidad y vuelve a intentar por su cuenta.',
      'Si el elemento sigue con error después de unos minutos, pulsa «Volver a sincronizar» en él, en «Registros sin sincronizar».',
    ],
  },
  '3100': {
    title: 'La app no está autorizada para esta empresa',
    meaning: 'QuickBooks Online indica que el servicio de sincronización no está autorizado para trabajar con esta empresa.',
    likelyCause:
      'La conexión fue revocada o la empresa se desconectó, o el servicio de sincronización apunta a una empresa de prueba (sandbox) en lugar de la real.',
    steps: [
      `En QuickBooks Online, abre ${MENU_MY_APPS} en el menú de la izquierda y comprueba que el servicio de sincronización siga conectado.`,
      RECONNECT,
      'Si vuelve a pasar, pide a tu proveedor que confirme que el servicio usa el entorno real (no el sandbox) de QuickBooks.',
      RESYNC,
    ],
  },
  '3200': {
    title: 'Venció el inicio de sesión en QuickBooks',
    meaning:
      'QuickBooks Online rechazó el inicio de sesión del servicio de sincronización: el token venció, fue revocado o está dañado.',
    likelyCause:
      'La conexión normalmente se renueva cada hora; falla cuando la sincronización estuvo en pausa durante meses (temporada baja) o alguien desconectó la app.',
    steps: [
      'Espera a la próxima ejecución del conector: el servicio de sincronización suele renovar el inicio de sesión por su cuenta.',
      'Si el estado del conector muestra que el inicio de sesión venció, pide a un administrador de QuickBooks Online que vuelva a conectar QuickBooks en la configuración del servicio de sincronización.',
      RESYNC,
    ],
  },
  '3202': developerSide(
    'Falta el token de inicio de sesión',
    'La solicitud se envió sin un token de inicio de sesión.',
  ),

  // ------------------------------------------------------------ 4xxx: consultas
  '4000': developerSide(
    'No se puede leer la consulta',
    'Una búsqueda que el servicio de sincronización envió a QuickBooks Online tiene un error de sintaxis.',
  ),
  '4001': developerSide(
    'Consulta no válida',
    'Una búsqueda que el servicio de sincronización envió pidió un campo o un valor que QuickBooks Online no admite.',
  ),
  '4002': {
    title: 'No se pudo procesar la consulta',
    meaning: 'QuickBooks Online falló al ejecutar una búsqueda para el servicio de sincronización.',
    likelyCause: 'Un problema temporal del lado de Intuit o una búsqueda que devuelve demasiados datos a la vez.',
    steps: [RESYNC_LATER, PROVIDER],
  },

  // ------------------------------------------------------------ 5xxx: cambios simultáneos y funciones del plan
  '5000': developerSide('Campo obsoleto', 'La solicitud usó un campo que QuickBooks Online ya retiró.'),
  '5010': {
    title: 'El registro cambió antes en QuickBooks',
    meaning:
      'El servicio de sincronización intentó actualizar un registro con una copia más antigua; mientras tanto, alguien guardó una versión más nueva en QuickBooks Online.',
    likelyCause:
      'En la oficina se editó la factura o el cliente en QuickBooks (por ejemplo, para agregar una nota) mientras los cambios de la cuadrilla esperaban sincronizarse.',
    steps: [
      'Abre el registro en QuickBooks Online y comprueba que el último cambio sea uno que quieras conservar.',
      'Pulsa «Volver a sincronizar»: el servicio de sincronización lee la versión más reciente y vuelve a aplicar su cambio.',
      'Si los dos lados cambiaron el mismo campo, decide cuál valor es el correcto y corrige el otro lado.',
    ],
  },
  '5020': {
    title: 'Función no incluida en tu plan de QuickBooks',
    meaning: 'Tu suscripción de QuickBooks Online no incluye la función que necesita este registro.',
    likelyCause:
      'Se sincronizan órdenes de compra de plantas del vivero o el seguimiento por clases/ubicaciones, pero el plan (por ejemplo Simple Start o Essentials) no los incluye.',
    steps: [
      `En QuickBooks Online, revisa el plan en ${MENU_BILLING}.`,
      'Mejora el plan o desactiva la sincronización de ese tipo de registro en el servicio de sincronización.',
      'Después del cambio, pulsa «Volver a sincronizar» o quita el elemento de «Registros sin sincronizar».',
    ],
  },
  '5030': {
    title: 'Función no admitida o desactivada',
    meaning: 'El registro usa una función de QuickBooks Online que no está disponible o está desactivada.',
    likelyCause:
      'Una opción como presupuestos, clases, ubicaciones o números de transacción personalizados está desactivada en QuickBooks.',
    steps: [
      `En QuickBooks Online abre el ${MENU_SETTINGS} y busca la opción correspondiente (pestaña «Ventas» (Sales) o «Avanzado» (Advanced)).`,
      'Actívala, o deja de sincronizar ese tipo de registro.',
      RESYNC,
    ],
  },

  // ------------------------------------------------------------ 6xxx: reglas contables
  '6000': {
    title: 'No se cumple una regla contable',
    meaning:
      'QuickBooks Online rechazó el registro porque no se cumplió una regla contable. La línea «Detalle» indica la regla exacta.',
    likelyCause:
      'Casos típicos: un pago sin importe, un descuento mayor que el subtotal de la factura, o una línea con importe pero sin servicio ni cuenta.',
    steps: [
      READ_DETAIL,
      'Corrige el registro en la app de trabajos según corresponda (por ejemplo, escribe el importe del pago, reduce el descuento o elige un servicio en cada línea).',
      'Guárdalo.',
      RESYNC,
    ],
  },
  '6010': {
    title: 'Falta el tipo de cuenta',
    meaning: 'Una cuenta nueva necesita un tipo de cuenta o un tipo de detalle.',
    likelyCause:
      'Se agregó en la app de trabajos una cuenta de ingresos o de gastos (por ejemplo, "Ingresos por remoción de nieve") sin elegir su tipo.',
    steps: [
      `Define el tipo de cuenta en la app de trabajos, o crea la cuenta en QuickBooks Online (${MENU_ACCOUNTS}) y asígnala.`,
      RESYNC,
    ],
  },
  '6020': developerSide(
    'Carga del adjunto incompleta',
    'La carga de un archivo adjunto llegó sin la información de su tamaño.',
  ),
  '6030': {
    title: 'Archivo adjunto demasiado grande',
    meaning: 'Un archivo adjunto al registro es más grande de lo que QuickBooks Online acepta.',
    likelyCause: 'Se adjuntaron a la factura fotos de antes y después a tamaño completo de una remoción de árbol.',
    steps: [
      'En la app de trabajos, quita la foto grande de la factura o adjunta una copia más pequeña.',
      RESYNC,
    ],
  },
  '6040': developerSide(
    'Datos del adjunto no válidos',
    'La descripción enviada con un archivo adjunto no era del tipo esperado.',
  ),
  '6041': {
    title: 'Archivo adjunto no aceptado',
    meaning: 'QuickBooks Online no acepta el archivo adjunto.',
    likelyCause:
      'Se adjuntó al trabajo una foto o un documento en un formato no admitido (por ejemplo, una foto HEIC de un teléfono).',
    steps: [
      'Convierte el archivo a PDF, JPG o PNG, o quítalo del registro en la app de trabajos.',
      RESYNC,
    ],
  },
  '6050': developerSide(
    'El adjunto no puede ir en este registro',
    'Los archivos adjuntos no se admiten en el tipo de registro con el que se enviaron.',
  ),
  '6060': badValue(
    'El saldo inicial necesita una fecha',
    'Una cuenta con saldo inicial también debe tener la fecha de ese saldo.',
    'Se creó una cuenta bancaria o de préstamo para una camioneta nueva con saldo inicial pero sin fecha.',
    'agrega la fecha del saldo inicial a la cuenta',
  ),
  '6070': badValue(
    'El importe de la línea no cuadra',
    'El importe de una línea no es igual a su cantidad por su tarifa.',
    'Un jefe de cuadrilla ajustó a mano el total de una línea (por ejemplo, redondeó una poda de 3.5 horas) sin cambiar la tarifa.',
    'haz que el importe de la línea sea igual a cantidad × tarifa, o cambia la tarifa',
  ),
  '6080': badValue(
    'Sin nombre',
    'Un cliente, proveedor o empleado debe tener al menos un nombre escrito.',
    'Se creó un cliente desde un formulario web de contacto con el nombre vacío, o el registro de un subcontratista solo tiene un número de teléfono.',
    'escribe el nombre para mostrar (o el nombre y el apellido)',
  ),
  '6090': badValue(
    'Descuento incompleto',
    'Una línea de descuento necesita un importe o un porcentaje.',
    'Se agregó a una factura un descuento de temporada o por pago anticipado, pero quedó vacío.',
    'escribe el importe o el porcentaje del descuento, o quita la línea de descuento',
  ),
  '6100': badValue(
    'Código de impuesto de la línea no válido',
    'En las empresas de EE. UU., el código de impuesto de una línea debe ser gravable o no gravable.',
    'Se envió una etiqueta de impuesto personalizada de la app de trabajos en lugar de gravable/no gravable.',
    'marca cada línea como gravable o no gravable',
  ),
  '6110': {
    title: 'No se puede modificar una transacción cobrada con tarjeta',
    meaning: 'La transacción se procesó con QuickBooks Payments y no se puede modificar desde una app.',
    likelyCause: 'Un cliente pagó con tarjeta a través de QuickBooks y después la app de trabajos intentó editar ese pago.',
    steps: [
      'Haz el cambio directamente en QuickBooks Online, en el propio pago.',
      'En la app de trabajos, ajusta el pago para que coincida con lo que muestra QuickBooks.',
      'Quita el elemento de «Registros sin sincronizar» cuando los dos lados coincidan.',
    ],
  },
  '6120': {
    title: 'No se puede eliminar una transacción cobrada con tarjeta',
    meaning: 'Una transacción procesada con QuickBooks Payments no se puede eliminar desde una app.',
    likelyCause: 'Se eliminó un pago con tarjeta en la app de trabajos después de que se liquidó en QuickBooks.',
    steps: [
      'Si hay que devolver el dinero, emite un reembolso en QuickBooks Online en lugar de eliminar el pago.',
      'Quita el elemento de «Registros sin sincronizar» cuando esté resuelto en QuickBooks.',
    ],
  },
  '6130': {
    title: 'No se puede cambiar cómo se le factura al cliente',
    meaning:
      'Un subcliente no puede pasar de facturarse a sí mismo a facturarse a través de su cliente principal (ni al revés) mientras existan facturas o pagos vinculados.',
    likelyCause:
      'Una propiedad que dependía de una HOA o de una empresa administradora de propiedades se cambió para facturarle directamente al dueño después de enviar facturas.',
    steps: [
      'En QuickBooks Online, abre el subcliente y revisa las facturas y los pagos vinculados al cliente principal.',
      'Deja la configuración de facturación como estaba, o mueve primero esas transacciones con ayuda de tu contador.',
      RESYNC,
    ],
  },
  '6140': {
    title: 'Número de factura o documento ya usado',
    meaning:
      'Otra transacción de QuickBooks Online ya tiene este número. La línea «Detalle» indica cuál es (su tipo y su ID).',
    likelyCause:
      'La app de trabajos y QuickBooks asignan números de factura por separado y se cruzaron, o la misma factura se envió dos veces y QuickBooks ya la tiene.',
    steps: [
      'Abre en QuickBooks Online la transacción que indica la línea «Detalle» (SyncLens ofrece un enlace).',
      'Si es la misma factura (mismo cliente, fecha e importe), vincúlala en lugar de crear otra: pregúntale a tu proveedor o haz la correspondencia en la app de trabajos.',
      'Si es otra transacción, dale a esta un número nuevo en la app de trabajos; considera empezar la numeración de la app muy por encima de los números de QuickBooks.',
      RESYNC,
    ],
  },
  '6150': {
    title: 'Se necesita el registro principal',
    meaning: 'Un subcliente o una subcuenta debe indicar su registro principal.',
    likelyCause:
      'En la app de trabajos, una propiedad o un trabajo se marcó como subcliente sin elegir el cliente principal.',
    steps: [
      'En la app de trabajos, elige el cliente principal de la propiedad o del trabajo.',
      'Si el cliente principal es nuevo, sincronízalo primero.',
      RESYNC,
    ],
  },
  '6160': badValue(
    'No se puede usar el código de impuesto (transacción nueva)',
    'El código de impuesto elegido no se puede usar al crear una transacción en una empresa que calcula el impuesto sobre las ventas automáticamente.',
    'La app de trabajos todavía envía una tasa de impuesto personalizada antigua después de que QuickBooks pasó al impuesto sobre las ventas automático.',
    'quita la tasa de impuesto personalizada y deja que QuickBooks calcule el impuesto sobre las ventas, o actualiza la asignación de impuestos en el servicio de sincronización',
  ),
  '6170': developerSide(
    'Datos de impuesto no permitidos',
    'Se enviaron datos de impuesto para una transacción configurada para no aplicar impuesto sobre las ventas.',
  ),
  '6180': badValue(
    'Demasiados niveles de subregistros',
    'Los subclientes y las subcuentas solo se pueden anidar hasta cinco niveles.',
    'Se anidaron clientes, propiedades, zonas y trabajos individuales como clientes dentro de clientes.',
    'simplifica la jerarquía para que tenga como máximo cinco niveles',
  ),
  '6190': {
    title: 'La suscripción de QuickBooks no está activa',
    meaning:
      'La suscripción de QuickBooks Online terminó, se canceló o tiene un problema de cobro, así que no se pueden guardar registros.',
    likelyCause: 'Terminó la prueba gratuita, venció la tarjeta registrada o la suscripción caducó durante el invierno.',
    steps: [
      `Pide al dueño de la empresa que inicie sesión en QuickBooks Online y abra el ${MENU_BILLING}.`,
      'Actualiza los datos de pago o reactiva la suscripción.',
      'Cuando QuickBooks vuelva a aceptar cambios, pulsa «Volver a sincronizar» en los elementos que esperan.',
    ],
  },
  '6200': {
    title: 'Libros cerrados para esa fecha',
    meaning: 'La fecha de la transacción cae en un período cuyos libros están cerrados.',
    likelyCause:
      'Una factura atrasada por trabajos de la temporada pasada tiene fecha anterior a la fecha de cierre que puso tu contador.',
    steps: [
      'Decide con tu contador si la transacción corresponde al período cerrado.',
      `Cambia su fecha en la app de trabajos a un período abierto, o pide a un administrador que cambie la fecha de cierre en QuickBooks Online (${MENU_CLOSING}).`,
      RESYNC,
    ],
  },
  '6210': {
    title: 'Libros cerrados para esa fecha (protegidos con contraseña)',
    meaning:
      'La transacción tiene fecha en un período cerrado, y una app no puede guardar ahí aunque una persona con la contraseña sí podría.',
    likelyCause:
      'Se cerró el año y una factura o un pago por trabajos hechos antes de esa fecha se acaba de completar o editar en la app de trabajos.',
    steps: [
      `Revisa la fecha de cierre en QuickBooks Online: ${MENU_CLOSING}.`,
      'Pon en la app de trabajos una fecha posterior a la fecha de cierre, o pide a un administrador que mueva o quite la fecha de cierre (habla antes con tu contador).',
      RESYNC,
    ],
  },
  '6220': {
    title: 'El registro todavía tiene saldo',
    meaning: 'No se puede eliminar un registro con saldo pendiente.',
    likelyCause: 'Se eliminó en la app de trabajos un cliente que todavía debe una factura.',
    steps: [
      'En QuickBooks Online, liquida o cancela el saldo pendiente, o desactiva el cliente en lugar de eliminarlo.',
      'Quita el elemento de «Registros sin sincronizar» cuando esté resuelto.',
    ],
  },
  '6230': badValue(
    'No se puede usar el código de impuesto (actualización)',
    'El código de impuesto elegido no se puede usar al modificar una transacción en una empresa que calcula el impuesto sobre las ventas automáticamente.',
    'La app de trabajos todavía tiene asignada una tasa de impuesto personalizada antigua.',
    'quita la tasa de impuesto personalizada y deja que QuickBooks calcule el impuesto sobre las ventas',
  ),
  '6240': {
    title: 'Nombre ya en uso',
    meaning:
      'En QuickBooks Online, clientes, proveedores y empleados comparten una sola lista de nombres, y este nombre ya está ocupado (los registros inactivos también cuentan). La línea «Detalle» suele indicar el duplicado.',
    likelyCause:
      'El cliente ya existe en QuickBooks (quizá desactivado), o un subcontratista o empleado se llama igual que un cliente, por ejemplo un miembro de la cuadrilla que también es cliente.',
    steps: [
      `Busca el nombre en QuickBooks Online en ${MENU_CUSTOMERS}, ${MENU_VENDORS} y ${MENU_EMPLOYEES}, incluidos los registros inactivos.`,
      'Si es el mismo cliente, vincula el cliente de la app de trabajos con ese cliente de QuickBooks (vuelve a activarlo si hace falta) en lugar de crear uno nuevo.',
      'Si es otra persona o empresa, cambia el nombre para mostrar en la app de trabajos, por ejemplo agregando la calle o "(Proveedor)".',
      RESYNC,
    ],
  },
  '6250': {
    title: 'Cliente inexistente o inactivo',
    meaning: 'El cliente de esta venta no existe o está inactivo en QuickBooks Online.',
    likelyCause:
      'Un cliente que canceló el servicio se desactivó en QuickBooks y luego recibió una factura más por una última visita.',
    steps: [
      `En QuickBooks Online abre ${MENU_CUSTOMERS}, incluye los clientes inactivos y vuelve a activar al cliente.`,
      'Si el cliente no existe en absoluto, sincroniza primero el cliente desde la app de trabajos.',
      RESYNC,
    ],
  },
  '6270': badValue(
    'Fecha anterior al inicio del inventario del producto',
    'Una transacción de inventario tiene fecha anterior a la fecha de inicio del inventario del producto.',
    'Se facturaron materiales como mantillo o pasto en rollo con una fecha anterior a la de su alta como inventario controlado.',
    `cambia la fecha de la transacción, o adelanta la fecha de inicio del inventario del producto en QuickBooks (${MENU_PRODUCTS})`,
  ),
  '6280': {
    title: 'El cliente tiene cargos sin facturar',
    meaning: 'No se puede eliminar un cliente con gastos u horas sin facturar.',
    likelyCause: 'Se registraron horas de la cuadrilla o materiales para el cliente, pero nunca se pusieron en una factura.',
    steps: [
      'En QuickBooks Online, factura o elimina los cargos sin facturar de ese cliente.',
      'Si ya no le das servicio, desactiva el cliente en lugar de eliminarlo.',
      CLEAR_ITEM,
    ],
  },
  '6290': badValue(
    'Registro de horas: empleado o proveedor, no ambos',
    'Un registro de horas debe pertenecer a un empleado o a un proveedor, no a los dos.',
    'En la app de trabajos, un miembro de la cuadrilla está dado de alta como empleado y también como subcontratista.',
    'elige el empleado o el proveedor en el registro de horas',
  ),
  '6300': badValue(
    'Registro de horas: falta el trabajador',
    'Un registro de horas no indica ningún empleado o proveedor válido.',
    'Un nuevo miembro de la cuadrilla todavía no se sincronizó con QuickBooks, o se desactivó allí.',
    'sincroniza primero al miembro de la cuadrilla o actívalo en QuickBooks, y luego asígnalo al registro de horas',
  ),
  '6310': badValue(
    'Las horas facturables necesitan un cliente',
    'Las horas marcadas como facturables deben estar ligadas a un cliente.',
    'Se marcaron horas de la cuadrilla como facturables, pero no se asignaron al cliente ni al trabajo.',
    'asigna el cliente al registro de horas, o márcalo como no facturable',
  ),
  '6320': badValue(
    'Registro de horas: estado facturable no válido',
    'El estado facturable de un registro de horas no está permitido.',
    'Se envió un registro de horas como ya facturado; QuickBooks pone ese estado por sí mismo.',
    'deja el registro de horas como facturable o no facturable',
  ),
  '6330': badValue(
    'Registro de horas: falta la tarifa por hora',
    'Las horas facturables necesitan una tarifa por hora válida.',
    'La tarifa de facturación del miembro de la cuadrilla está vacía en la app de trabajos.',
    'pon una tarifa por hora en el registro de horas o en el miembro de la cuadrilla',
  ),
  '6340': badValue(
    'Registro de horas: tiempo no válido',
    'Las horas y los minutos de un registro de horas no son válidos.',
    'Una entrada de la hoja de horas se escribió como "8.75h" o con más de 59 minutos.',
    'escribe bien las horas y los minutos',
  ),
  '6350': badValue(
    'Registro de horas: falta el tiempo',
    'Un registro de horas no tiene horas ni minutos.',
    'Se registró la entrada de un miembro de la cuadrilla sin su salida.',
    'completa las horas (o las horas de inicio y fin) en el registro de horas',
  ),
  '6360': badValue(
    'Registro de horas: hora de inicio o de fin no válida',
    'Las horas de inicio y de fin no son válidas, o el descanso es más largo que el tiempo trabajado.',
    'Un jefe de cuadrilla registró un descanso para comer más largo que el turno.',
    'corrige las horas de inicio, de fin y de descanso',
  ),
  '6370': badValue(
    'Registro de horas: empieza después de terminar',
    'La hora de inicio de un registro de horas es posterior a su hora de fin.',
    'Se confundieron AM y PM en una hoja de horas, o una limpieza nocturna después de una tormenta pasó de la medianoche.',
    'corrige las horas de inicio y de fin (divide el trabajo nocturno en dos registros)',
  ),
  '6380': badValue(
    'Registro de horas: duración fuera de rango',
    'La duración de un registro de horas está fuera del rango permitido.',
    'Por olvidar marcar la salida, una hoja de horas quedó corriendo durante días.',
    'corrige la duración del registro de horas',
  ),
  '6390': badValue(
    'Registro de horas: duraciones contradictorias',
    'Un registro de horas indica las horas de más de una forma.',
    'Se llenaron tanto la duración total como las horas de inicio y fin, y no coinciden.',
    'deja solo el total de horas o solo las horas de inicio y fin',
  ),
  '6400': {
    title: 'La compra está vinculada a una factura',
    meaning: 'Eliminar esta compra dañaría una factura que se la cobra a un cliente.',
    likelyCause:
      'Se le facturaron al cliente materiales comprados para un trabajo (por ejemplo, plantas del vivero) y luego se eliminó la compra en la app de trabajos.',
    steps: [
      'En QuickBooks Online, quita primero la línea facturada de la factura del cliente.',
      'Luego elimina la compra, o consérvala y quita el elemento de «Registros sin sincronizar».',
    ],
  },
  '6420': {
    title: 'Se necesita un correo electrónico',
    meaning: 'La transacción está configurada para enviarse por correo electrónico, pero el cliente no tiene dirección de correo.',
    likelyCause:
      'Las facturas se envían por correo electrónico automáticamente, pero este cliente (a menudo un propietario mayor que paga con cheque) no tiene correo registrado.',
    steps: [
      'Agrega el correo del cliente en la app de trabajos, o cambia la factura a impresa/enviada por correo postal en lugar de correo electrónico.',
      'Guarda el registro.',
      RESYNC,
    ],
  },
  '6430': {
    title: 'Tipo de cuenta incorrecto',
    meaning: 'El registro se contabiliza en una cuenta cuyo tipo no está permitido para él. La línea «Detalle» indica la cuenta.',
    likelyCause:
      'Se pagó una factura de proveedor desde una tarjeta de crédito o una cuenta de ingresos, o un servicio apunta a una cuenta de gastos en lugar de una de ingresos.',
    steps: [
      READ_DETAIL,
      `En QuickBooks Online abre ${MENU_ACCOUNTS} y busca el tipo de cuenta correcto (banco para pagos, ingresos para servicios).`,
      'Cambia la asignación de cuentas en la app de trabajos o en la configuración del servicio de sincronización.',
      RESYNC,
    ],
  },
  '6440': badValue(
    'La línea necesita un servicio o una cuenta',
    'Cada línea con importe o con un cliente facturable debe indicar un producto/servicio o una cuenta.',
    'Se agregó a una factura una línea de texto libre, como "retiro adicional de escombros", sin elegir un servicio.',
    'elige un servicio (o una cuenta) en cada línea',
  ),
  '6450': {
    title: 'No se puede anular una transacción ya liquidada',
    meaning: 'No se puede anular una transacción con tarjeta que ya se liquidó.',
    likelyCause: 'El pago con tarjeta de un cliente se anuló en la app de trabajos uno o más días después de cobrarse.',
    steps: [
      'Emite un reembolso en QuickBooks Online en lugar de anular.',
      'Quita el elemento de «Registros sin sincronizar» cuando el reembolso esté registrado.',
    ],
  },
  '6460': badValue(
    'El anticipo no coincide con el cobro a la tarjeta',
    'El importe del anticipo de la factura es distinto del importe cobrado a la tarjeta.',
    'El anticipo de un trabajo grande de árboles se editó después de cobrar la tarjeta.',
    'haz que el anticipo sea igual al importe cobrado a la tarjeta',
  ),
  '6470': badValue(
    'Impuesto no permitido o falta la tasa',
    'Se aplicó un impuesto donde no está permitido, o no se indicó ninguna tasa de impuesto.',
    'Se cobró impuesto sobre las ventas a un servicio no gravable, o falta la tasa de impuesto de una zona de servicio.',
    'corrige la configuración de impuestos de las líneas, o configura la tasa de impuesto de la zona de servicio',
  ),
  '6480': {
    title: 'No se puede eliminar una transacción conciliada con el banco',
    meaning: 'La transacción está emparejada con un movimiento del banco, así que no se puede eliminar.',
    likelyCause: 'Se eliminó en la app de trabajos un pago que ya estaba emparejado en «Transacciones bancarias» (Banking).',
    steps: [
      'En QuickBooks Online, abre «Transacciones bancarias» (Banking), busca el movimiento emparejado y deshaz el emparejamiento.',
      'Luego elimina la transacción, o restáurala en la app de trabajos.',
      CLEAR_ITEM,
    ],
  },
  '6490': developerSide(
    'Presupuesto dividido por más de una lista',
    'Un presupuesto enviado a QuickBooks Online está desglosado por más de un tipo de lista (por ejemplo, por clase y por cliente a la vez).',
  ),
  '6500': developerSide(
    'Faltan los detalles del presupuesto',
    'Se envió un presupuesto sin sus líneas de detalle (los importes por cuenta y por periodo).',
  ),
  '6510': developerSide(
    'Las cuentas del presupuesto no coinciden',
    'Las cuentas de las líneas de detalle de un presupuesto no coinciden con las que QuickBooks Online espera para ese presupuesto.',
  ),
  '6520': badValue(
    'Falta la cantidad de inventario',
    'Una línea con un producto de inventario controlado necesita una cantidad.',
    'Se facturaron bolsas de fertilizante o yardas de mantillo con un importe pero sin cantidad.',
    'escribe la cantidad en la línea del material',
  ),
  '6530': developerSide(
    'Número de tarjeta enviado como texto sin proteger',
    'Se encontró un número de tarjeta de crédito sin proteger en la solicitud; QuickBooks solo acepta tokens de tarjeta protegidos.',
  ),
  '6540': {
    title: 'Pago ya depositado',
    meaning:
      'El pago o el recibo de venta ya forma parte de un depósito bancario en QuickBooks Online, así que no se puede modificar.',
    likelyCause:
      'El cheque de un cliente se depositó en QuickBooks y después se editó el pago en la app de trabajos (por ejemplo, se aplicó a otra factura).',
    steps: [
      'Decide si el cambio de verdad hace falta. Muchas veces lo más sencillo es hacerlo a mano en QuickBooks Online.',
      'Si no: abre el depósito en QuickBooks, quita este pago y guarda.',
      RESYNC,
      'Abre otra vez el depósito y vuelve a agregar el pago para que el total del banco siga cuadrando.',
    ],
  },
  '6560': {
    title: 'Falta el cliente en la transacción',
    meaning: 'La transacción no tiene un cliente que QuickBooks Online pueda usar.',
    likelyCause:
      'El cliente no se pudo crear o emparejar en QuickBooks, a menudo porque su nombre choca con el de un cliente, proveedor o empleado existente.',
    steps: [
      'En SyncLens, busca un registro de cliente con error para el mismo cliente (a menudo con el error 6240) y corrígelo primero.',
      'Cuando el cliente esté sincronizado, pulsa «Volver a sincronizar» en esta transacción.',
    ],
  },

  // ------------------------------------------------------------ 10000+: del lado de Intuit
  '10000': {
    title: 'Error del sistema de QuickBooks',
    meaning: 'Algo falló dentro de QuickBooks Online. Tus datos no son la causa.',
    likelyCause: 'Un problema temporal de Intuit.',
    steps: [
      RESYNC_LATER,
      'Si sigue fallando durante horas, pide a tu proveedor que contacte a Intuit con los datos de la solicitud.',
    ],
  },
  '10100': developerSide(
    'Resultado de búsqueda demasiado grande',
    'Una búsqueda devolvió más datos de los que QuickBooks Online envía de una vez.',
  ),
  '10200': {
    title: 'Se restableció la empresa de QuickBooks',
    meaning:
      'La empresa de QuickBooks Online se restableció, así que los vínculos a sus registros anteriores ya no sirven.',
    likelyCause: 'La empresa (o una empresa de prueba) se borró y se empezó de cero.',
    steps: [
      RECONNECT,
      'Pide a tu proveedor que vuelva a vincular o a enviar los registros, porque los ID anteriores de QuickBooks ya no existen.',
      'Usa «Borrar ID» en los elementos que todavía apuntan a los registros anteriores y luego pulsa «Volver a sincronizar».',
    ],
  },

  // ------------------------------------------------------------ fallas a nivel HTTP (sin código de error)
  HTTP400: {
    title: 'Solicitud rechazada (HTTP 400)',
    meaning:
      'QuickBooks Online rechazó la solicitud por no ser válida. Normalmente un código de error explica el motivo exacto.',
    likelyCause:
      'Un registro traía un valor que QuickBooks no acepta, o los datos de inicio de sesión estaban mal formados.',
    steps: [READ_DETAIL, 'Corrige el valor en la app de trabajos y guarda.', RESYNC, PROVIDER],
  },
  HTTP401: {
    title: 'Sin sesión iniciada en QuickBooks (HTTP 401)',
    meaning:
      'QuickBooks Online no aceptó el inicio de sesión del servicio de sincronización: venció o fue revocado.',
    likelyCause: 'La conexión caducó después de una pausa larga en la sincronización, o un administrador desconectó la app.',
    steps: [
      'Espera a la próxima ejecución del conector: el inicio de sesión suele renovarse por sí solo.',
      'Si el conector sigue indicando que el inicio de sesión venció, pide a un administrador de QuickBooks Online que vuelva a conectar QuickBooks.',
      RESYNC,
    ],
  },
  HTTP403: {
    title: 'Acceso denegado (HTTP 403)',
    meaning:
      'El servicio de sincronización inició sesión, pero no tiene permiso para hacer esto en tu empresa de QuickBooks Online.',
    likelyCause:
      'La app se desconectó o cambiaron sus permisos, o apunta a la empresa equivocada (de prueba).',
    steps: [
      `Comprueba en QuickBooks Online (${MENU_MY_APPS} en el menú de la izquierda) que el servicio de sincronización siga conectado.`,
      RECONNECT,
      RESYNC,
    ],
  },
  HTTP404: {
    title: 'No encontrado (HTTP 404)',
    meaning: 'QuickBooks Online no encontró la dirección o el registro que pedía la solicitud.',
    likelyCause: 'El servicio de sincronización usó un ID de empresa equivocado o una dirección que ya no existe.',
    steps: ['Revisa la empresa conectada en la configuración del servicio de sincronización.', PROVIDER],
  },
  HTTP429: {
    title: 'Demasiadas solicitudes (HTTP 429)',
    meaning:
      'QuickBooks Online le pidió al servicio de sincronización que bajara la velocidad porque se alcanzó un límite de solicitudes.',
    likelyCause:
      'Se enviaron muchos registros a la vez, por ejemplo las facturas recurrentes de mantenimiento de césped de toda una temporada.',
    steps: [
      'No tienes que hacer nada: el servicio de sincronización espera alrededor de un minuto y vuelve a intentar.',
      'Si más tarde el elemento sigue con error, pulsa «Volver a sincronizar» en él.',
    ],
  },
  HTTP500: {
    title: 'Error del servidor de QuickBooks (HTTP 500)',
    meaning: 'QuickBooks Online tuvo un error interno al atender la solicitud.',
    likelyCause: 'Un problema temporal de Intuit.',
    steps: [
      RESYNC_LATER,
      'Si vuelve a fallar, pide a tu proveedor que contacte al soporte de Intuit con los datos de la solicitud.',
    ],
  },
  HTTP503: {
    title: 'QuickBooks no disponible (HTTP 503)',
    meaning: 'QuickBooks Online no está aceptando solicitudes por el momento.',
    likelyCause: 'Una caída del servicio o un mantenimiento de Intuit.',
    steps: [INTUIT_STATUS, RESYNC_LATER],
  },
  HTTP502: {
    title: 'Error en la puerta de enlace de Intuit (HTTP 502)',
    meaning:
      'La puerta de enlace de Intuit, el servidor que está delante de QuickBooks Online, no recibió una respuesta válida de QuickBooks y devolvió una página de error. No dice nada sobre tus datos.',
    likelyCause: 'Una caída breve o una sobrecarga en Intuit; suelen pasar en pocos minutos.',
    steps: [INTUIT_STATUS, RESYNC_LATER, PROVIDER_PERSISTS],
  },
  HTTP504: {
    title: 'QuickBooks tardó demasiado (HTTP 504)',
    meaning: 'La puerta de enlace de Intuit dejó de esperar la respuesta de QuickBooks Online. Tus datos no son la causa.',
    likelyCause:
      'QuickBooks Online estaba lento o sobrecargado, o la solicitud pedía mucho de una vez, como las facturas recurrentes de mantenimiento de césped de toda una temporada en un solo lote.',
    steps: [RESYNC_LATER, CHECK_BEFORE_RESYNC, PROVIDER_PERSISTS],
  },

  // ------------------------------------------------------------ puerta de enlace de Intuit (message=…; errorCode=00NNNN)
  '6002': {
    title: 'QuickBooks tardó demasiado (tiempo de espera de la puerta de enlace)',
    meaning:
      'La puerta de enlace de Intuit dejó de esperar a que QuickBooks Online terminara la solicitud (responde con HTTP 504).',
    likelyCause:
      'QuickBooks Online estaba lento o sobrecargado, o la solicitud pedía muchos datos de una vez, como un informe largo.',
    steps: [RESYNC_LATER, CHECK_BEFORE_RESYNC, PROVIDER_PERSISTS],
  },
  '6003': {
    title: 'Se cortó la conexión dentro de Intuit',
    meaning:
      'La puerta de enlace de Intuit perdió la conexión con QuickBooks Online mientras le pasaba la solicitud (responde con HTTP 500).',
    likelyCause: 'Un problema pasajero dentro de la red de Intuit. No lo causó nada de tus trabajos, clientes ni facturas.',
    steps: [INTUIT_STATUS, RESYNC_LATER, PROVIDER_PERSISTS],
  },
  '7001': {
    title: 'No se encontró la empresa en esta dirección de QuickBooks',
    meaning: 'La puerta de enlace de Intuit no encontró dónde está guardada tu empresa de QuickBooks Online para esta solicitud.',
    likelyCause:
      'El servicio de sincronización envió un ID de empresa que QuickBooks no conoce en la dirección a la que llamó, por ejemplo una empresa de prueba (sandbox) usada contra el QuickBooks real, o un ID de empresa equivocado.',
    steps: [
      'Revisa en la configuración del servicio de sincronización que esté conectada la empresa correcta de QuickBooks.',
      RECONNECT,
      PROVIDER,
    ],
  },

  // ------------------------------------------------------------ servicio de inicio de sesión de Intuit (errores de OAuth 2.0)
  invalid_grant: {
    title: 'La conexión con QuickBooks venció (hay que reconectar)',
    meaning:
      'Intuit se negó a renovar el inicio de sesión del servicio de sincronización en QuickBooks porque su token de renovación guardado ya no es válido. Reintentar no sirve: hay que volver a conectar QuickBooks.',
    likelyCause:
      'La conexión pasó más de 100 días sin usarse (una pausa larga en la temporada baja), un administrador desconectó la app, o el servicio de sincronización usó una copia vieja del token después de que Intuit ya la había reemplazado.',
    steps: [
      RECONNECT,
      'En SyncLens, comprueba que el estado del conector vuelva a mostrar OK.',
      RESYNC,
      'Si la conexión sigue venciendo a los pocos días, avísale a tu proveedor del servicio de sincronización: puede que el servicio esté reutilizando tokens de renovación viejos.',
    ],
  },
  invalid_client: appSetup(
    'Claves de la app del servicio rechazadas',
    'Intuit no aceptó las credenciales de la app del servicio de sincronización (su ID de cliente y su secreto) cuando intentó iniciar sesión en QuickBooks.',
    'Un problema de configuración del lado del servicio de sincronización: claves de la app equivocadas, cambiadas o mal escritas, o claves de prueba usadas contra el QuickBooks real.',
  ),
  unauthorized_client: appSetup(
    'La app del servicio no puede iniciar sesión de esta forma',
    'Intuit indica que la app del servicio de sincronización no tiene permitido el tipo de inicio de sesión que intentó.',
    'Un ajuste del registro de la app del servicio de sincronización en Intuit no permite este tipo de inicio de sesión o de entorno.',
  ),
  access_denied: {
    title: 'No se aprobó la conexión con QuickBooks',
    meaning:
      'La conexión con QuickBooks se canceló o se rechazó en la pantalla de aprobación de Intuit, así que el servicio de sincronización no obtuvo acceso.',
    likelyCause:
      'Quien estaba conectando pulsó «Cancelar» o «No, gracias» (Cancel, No, thanks) en la pantalla de aprobación de QuickBooks, o la cerró antes de aprobar.',
    steps: [
      'Inicia de nuevo la conexión desde la configuración del servicio de sincronización.',
      'Inicia sesión como administrador de QuickBooks Online de la empresa correcta y aprueba el acceso que pide el servicio de sincronización.',
      'En SyncLens, comprueba que el estado del conector vuelva a mostrar OK.',
      RESYNC,
    ],
  },
  invalid_request: appSetup(
    'Intuit rechazó la solicitud de inicio de sesión',
    'El servicio de inicio de sesión de Intuit rechazó la solicitud del servicio de sincronización por incompleta o mal formada, así que no se pudo crear ni renovar la conexión con QuickBooks.',
    'Un problema en cómo el servicio de sincronización le pide acceso a Intuit, como un valor que falta o una dirección de retorno que no coincide con la configuración de su app. No lo causaron tus datos.',
  ),
  invalid_scope: appSetup(
    'El servicio pidió un acceso que Intuit no concede',
    'El servicio de sincronización pidió un tipo de acceso que Intuit no permite para su app o para tu empresa, así que se rechazó la conexión.',
    'El servicio de sincronización pidió un permiso adicional, como QuickBooks Payments, que no está configurado para su app o para tu empresa.',
  ),

  unsupported_grant_type: appSetup(
    'Intuit no admite ese método de inicio de sesión',
    'El servicio de inicio de sesión de Intuit no admite la forma en que el servicio de sincronización pidió un token, así que no se pudo crear ni renovar la conexión con QuickBooks.',
    'Un problema en el código o la configuración de inicio de sesión del servicio de sincronización. No lo causaron tus datos.',
  ),
  unsupported_response_type: appSetup(
    'Intuit no admite esa solicitud de conexión',
    'La pantalla de aprobación de Intuit no admite el tipo de respuesta que pidió el servicio de sincronización al iniciar la conexión.',
    'Un problema en cómo el servicio de sincronización inicia la conexión con QuickBooks. No lo causaron tus datos.',
  ),

  // ------------------------------------------------------------ red entre el servicio de sincronización e Intuit
  ECONNRESET: network(
    'Se cortó la conexión con Intuit',
    'La conexión de red entre el servicio de sincronización e Intuit se cortó en medio de una solicitud.',
    'Un problema breve de red entre el servidor del servicio de sincronización e Intuit, o Intuit cerró una conexión ocupada.',
  ),
  ETIMEDOUT: network(
    'Se agotó el tiempo de conexión con Intuit',
    'El servicio de sincronización no pudo comunicarse con Intuit, o no recibió respuesta, dentro de su tiempo límite.',
    'Intuit estaba lento o no se podía alcanzar por un momento, o la red del servidor del servicio de sincronización tuvo problemas.',
  ),
  ESOCKETTIMEDOUT: network(
    'Intuit no respondió a tiempo',
    'El servicio de sincronización estaba conectado con Intuit, pero dejó de esperar porque la respuesta no llegó a tiempo.',
    'QuickBooks Online tardó en responder, a menudo porque estaba ocupado o la solicitud era grande.',
  ),
  ECONNABORTED: network(
    'Se abandonó una solicitud a Intuit',
    'El servicio de sincronización abandonó una solicitud a Intuit porque tardó más que su tiempo límite.',
    'QuickBooks Online tardó en responder, o la red del servidor del servicio de sincronización estaba lenta.',
  ),
  ECONNREFUSED: network(
    'Intuit rechazó la conexión',
    'El servidor del servicio de sincronización intentó abrir una conexión con Intuit y fue rechazado antes de enviar nada.',
    'Un equipo de red del lado del servicio de sincronización (como un proxy o un firewall) bloqueó la conexión, o la dirección a la que llamó no respondía.',
  ),
  ENOTFOUND: network(
    'No se encontró la dirección de Intuit',
    'El servidor del servicio de sincronización no pudo buscar la dirección de Intuit en internet (una falla de búsqueda de nombres, o DNS).',
    'Un problema de búsqueda de nombres en la red del servicio de sincronización, normalmente breve; a veces, una dirección mal escrita en su configuración.',
  ),
  EAI_AGAIN: network(
    'Falló por ahora la búsqueda de la dirección de Intuit',
    'El servidor del servicio de sincronización no pudo buscar la dirección de Intuit en ese momento y se le indicó que lo intentara de nuevo.',
    'Un problema temporal de búsqueda de nombres (DNS) en la red del servicio de sincronización.',
  ),
};
