/**
 * The provider's staff in the back office (issue 22), French first (en-staff.ts has exactly these
 * keys). Refusals come from the server, already worded.
 */
export const frStaff = {
  title: "Équipe",
  intro:
    "Les personnes du fournisseur : leurs rôles, leur second facteur, leur dernière activité. Chaque changement est inscrit au journal d'audit.",
  listHeading: "Membres de l'équipe",
  empty: "Personne dans l'équipe.",
  secondFactor: "Second facteur",
  enrolled: "Activé",
  notEnrolled: "Pas encore",
  lastUsed: "Dernière activité",
  you: "vous",
  inviteHeading: "Inviter un membre",
  inviteIntro:
    "La personne reçoit un lien à usage unique pour choisir son mot de passe, puis active son second facteur à la première connexion.",
  roles: "Rôles",
  inviteSubmit: "Envoyer l'invitation",
  invited: "Invitation envoyée à {{email}}.",
  changeRoles: "Rôles",
  changeRolesOf: "Changer les rôles de {{name}}",
  changeRolesIntro: "Les nouveaux rôles s'appliquent dès l'enregistrement ; la personne reste connectée.",
  saveRoles: "Enregistrer",
  rolesChanged: "Rôles de {{name}} enregistrés.",
  resetSecondFactor: "Réinitialiser le second facteur",
  resetSecondFactorOf: "Réinitialiser le second facteur de {{name}}",
  resetIntro:
    "Téléphone perdu : le secret et les codes de secours de {{name}} sont effacés, ses sessions fermées ; elle activera un nouveau second facteur à sa prochaine connexion.",
  resetConfirm: "Réinitialiser",
  resetDone: "Second facteur de {{name}} réinitialisé.",
  remove: "Retirer",
  removeOf: "Retirer {{name}} de l'équipe",
  removeIntro:
    "{{name}} est désactivée et déconnectée sur-le-champ. Son historique reste au journal d'audit.",
  removeConfirm: "Retirer de l'équipe",
  removed: "{{name}} a été retirée de l'équipe.",
  lastAdministrator: "Dernier administrateur : ni retiré ni privé de ce rôle.",
};
