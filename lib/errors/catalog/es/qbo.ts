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
};
